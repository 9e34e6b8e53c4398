import { describe, expect, it } from "vitest";
import type { PlanInput } from "@/lib/plan/input";
import { bookinfoCluster, DETAILS, eastWestGateway, seedInput, service, workspace } from "@/lib/plan/test-fixtures";
import { workspaceContext } from "@/lib/validation/workspace-lookup";
import { serviceLabelsFor, tsbParentOf, tsbWorkspaceSetting } from "./workspace-setting-tsb";
import { settingTarget } from "./workspace-setting-target";

function ctxOf(input: PlanInput) {
  const found = workspaceContext("workspace", "bookinfo-ws", input);
  if (!found.ok) throw new Error(found.error.message);
  return found.context;
}

/** Two namespaces in one workspace, each with a `details` labelled alike (bookinfo's also has `tier`). */
function twoDetails(otherLabels: Record<string, string>, bookinfoLabels: Record<string, string> = { app: "details", service: "details", tier: "gold" }): PlanInput {
  const west = bookinfoCluster("west", [], true, { namespaces: ["bookinfo", "other"] });
  west.services.push(service("details", "bookinfo", { labels: bookinfoLabels }), service("details", "other", { labels: otherLabels }));
  return { clusters: [west], workspaces: [workspace(undefined, { namespaceSelector: ["*/bookinfo", "*/other"] })] };
}

describe("serviceLabelsFor", () => {
  it.each([
    ["a unique app label", seedInput(), { app: "details" }],
    ["the next preferred label when app is shared", twoDetails({ app: "details" }), { service: "details" }],
    ["a distinguishing label when app and service are shared", twoDetails({ app: "details", service: "details" }), { tier: "gold" }],
  ])("picks %s", (_, input, labels) => {
    expect(serviceLabelsFor("f", DETAILS, ctxOf(input))).toEqual({ labels });
  });

  it("uses only labels the service carries in every cluster", () => {
    const input = seedInput();
    const east = input.clusters.find((c) => c.name === "east");
    const details = east?.services.find((s) => s.name === "details");
    if (details) details.labels = { service: "details" };
    expect(serviceLabelsFor("f", DETAILS, ctxOf(input))).toEqual({ labels: { service: "details" } });
  });

  it.each([
    ["every label set also selects another service", twoDetails({ app: "details", service: "details", tier: "gold" }), "also select details.other.svc.cluster.local"],
    ["no common label", twoDetails({}, {}), "no label that is the same in every cluster"],
  ])("fails when %s", (_, input, message) => {
    const result = serviceLabelsFor("exposure.services.0", DETAILS, ctxOf(input));
    expect("error" in result && result.error.field).toBe("exposure.services.0");
    expect("error" in result && result.error.message).toContain(message);
  });
});

describe("tsbWorkspaceSetting", () => {
  it("adds one entry per namespace of the serving gateways", () => {
    const input = seedInput();
    const east = input.clusters.find((c) => c.name === "east");
    if (east) east.gateways = [eastWestGateway(["10.0.0.1"], { namespace: "istio-gateways" })];
    const ctx = ctxOf(input);
    const target = settingTarget(ctx.workspace);
    if (!target) throw new Error("fixture");
    const manifest = tsbWorkspaceSetting({ target, parent: { organization: "o", tenant: "t" }, ctx });
    const entries = manifest.spec?.defaultEastWestGatewaySettings;
    expect(entries).toEqual([
      { workloadSelector: { namespace: "bookinfo", labels: { app: "eastwest-gateway" } } },
      { workloadSelector: { namespace: "istio-gateways", labels: { app: "eastwest-gateway" } } },
    ]);
  });

  it.each([
    [{ "tsb.tetrate.io/organization": "o", "tsb.tetrate.io/tenant": "t" }, { organization: "o", tenant: "t" }],
    [{ "tsb.tetrate.io/organization": "o" }, undefined],
    [undefined, undefined],
  ])("tsbParentOf(%j)", (annotations, parent) => {
    expect(tsbParentOf(annotations)).toEqual(parent);
  });
});
