// The failover table as the server renders it: a real table (caption, column and row headers) with the words of
// lib/failover, the reason for At risk and where Failed over goes; deliberate states for a workspace without
// services and for one that exposes nothing.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { FailoverCell, WorkspaceDetail, WorkspaceService } from "@/lib/workspace-view/types";
import { FailoverTable } from "./failover-table";

const DETAILS = "details.bookinfo.svc.cluster.local";

const service = (exposed: boolean): WorkspaceService => ({ fqdn: DETAILS, namespace: "bookinfo", name: "details", instances: [{ cluster: "west", ports: [] }, { cluster: "east", ports: [] }], exposed });

const cell = (cluster: string, over: Partial<FailoverCell>): FailoverCell => ({ cluster, fqdn: DETAILS, namespace: "bookinfo", kind: "serving-locally", words: "Serving locally", targets: [], sentence: "", ...over });

const detail = (services: WorkspaceService[], failover: FailoverCell[]): WorkspaceDetail => ({
  name: "ws",
  namespaceSelector: ["*/bookinfo"],
  settingsForm: "seed",
  exposure: { mode: "all" },
  managementCluster: "west",
  clusters: ["east", "north", "west"].map((name) => ({ name, management: name === "west", freshness: { state: "synced", everSynced: true }, namespaces: ["bookinfo"], gateways: [] })),
  services,
  readiness: { workspace: "ws", ready: true, items: [] },
  failover,
  conditions: [],
});

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("FailoverTable", () => {
  it("is a table with a caption, a column per cluster that has a state, and each state's words and explanation", () => {
    const html = renderToStaticMarkup(
      <FailoverTable
        detail={detail([service(true)], [
          cell("east", { kind: "at-risk", words: "At risk", reason: "no-gateway", reasonWords: "no gateway" }),
          cell("west", { kind: "failed-over", words: "Failed over", targets: [{ cluster: "east", gateway: "bookinfo/eastwest-gateway" }] }),
        ])}
      />,
    );
    expect(html).toContain("<caption");
    expect(html).toMatch(/<th scope="col"[^>]*>east<\/th><th scope="col"[^>]*>west<\/th>/);
    expect(html).not.toMatch(/<th scope="col"[^>]*>north/);
    expect(html).toContain('<th scope="row"');
    expect(text(html)).toContain("At risk no gateway");
    expect(text(html)).toContain("Failed over to east through bookinfo/eastwest-gateway");
    expect(text(html)).not.toContain("Nothing is exposed");
  });

  it.each([
    ["no services", detail([], []), "This workspace has no services yet"],
    ["nothing exposed", detail([service(false)], [cell("west", { kind: "at-risk", words: "At risk", reason: "not-exposed", reasonWords: "not exposed" })]), "Nothing is exposed: no service of this workspace can fail over"],
  ])("%s: says so", (_name, d, sentence) => {
    expect(text(renderToStaticMarkup(<FailoverTable detail={d} />))).toContain(sentence);
  });
});
