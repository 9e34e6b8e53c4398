// Expected versus actual as the server renders it: the propagation chip, each planned object present or missing,
// what the cluster holds that the plan no longer wants, and the sentences when there is nothing to compare.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { NodeDetails } from "./inspect-types";
import { RegistryTab } from "./registry-tab";

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
const view = (over: Partial<Extract<NodeDetails["registry"], { kind: "service" }>>): NodeDetails["registry"] => ({
  kind: "service",
  fqdn: "details.bookinfo.svc.cluster.local",
  cluster: "west",
  expected: [
    { kind: "WorkloadEntry", namespace: "bookinfo", name: "k-details-1", observed: "present" },
    { kind: "WorkloadEntry", namespace: "bookinfo", name: "k-details-2", observed: "missing" },
  ],
  unplanned: [],
  planCurrent: true,
  ...over,
});

describe("RegistryTab", () => {
  it.each<[string, NodeDetails["registry"], string[], string[]]>([
    ["registry running", view({ propagation: { cluster: "west", state: "partial", present: 1, expected: 2 } }), ["west: 1/2 objects", "WorkloadEntry bookinfo/k-details-1 Present", "WorkloadEntry bookinfo/k-details-2 Missing"], ["not running", "previous plan"]],
    ["no registry, plan behind, leftovers", view({ planCurrent: false, unplanned: [{ kind: "ServiceEntry", namespace: "xcp-multicluster", name: "old" }] }), ["The registry is not running", "this is the previous plan", "no longer planned", "ServiceEntry xcp-multicluster/old"], []],
    ["nothing planned", view({ expected: [] }), ["The plan puts nothing in west for this service"], ["Expected object"]],
    ["not a service", { kind: "none", why: "Open a service." }, ["Open a service."], ["Propagation"]],
  ])("%s", (_name, registry, shown, absent) => {
    const t = text(renderToStaticMarkup(<RegistryTab registry={registry} />));
    for (const s of shown) expect(t).toContain(s);
    for (const s of absent) expect(t).not.toContain(s);
  });
});
