// Narrowing "what if" to the FQDNs a removal can affect gives exactly the impact of recomputing everything.
import { failoverStates } from "@/lib/failover/failover-state";
import { describe, expect, it } from "vitest";
import { failoverImpact } from "@/lib/failover/impact";
import { bookinfo, DETAILS, edit, endpoints, pipe, PRODUCTPAGE, REVIEWS } from "@/lib/failover/test-helpers";
import type { FailoverInput } from "@/lib/failover/types";
import { affectedFqdns, narrowInput } from "./narrowed";
import type { WhatIfRemoval } from "./removal";
import { impactOf } from "./what-if";

const inputs: Array<[string, () => FailoverInput]> = [
  ["healthy bookinfo", bookinfo],
  ["details down in west, east stale", () => pipe(bookinfo(), (i) => endpoints(i, "west", DETAILS, { ready: 0, total: 1 }), (i) => edit(i, "east", () => ({ stale: true })))],
  ["nothing exposed", () => ({ ...bookinfo(), exposure: { setting: false } })],
];
const removals: WhatIfRemoval[] = [
  { kind: "instance", cluster: "west", fqdn: DETAILS },
  { kind: "instance", cluster: "east", fqdn: REVIEWS },
  { kind: "instance", cluster: "west", fqdn: PRODUCTPAGE },
  { kind: "gateway", cluster: "east", namespace: "istio-system", name: "eastwest-gateway" },
  { kind: "gateway", cluster: "north", namespace: "istio-system", name: "eastwest-gateway" },
  { kind: "cluster", cluster: "west" },
  { kind: "cluster", cluster: "north" },
  { kind: "cluster", cluster: "south" },
];

describe("what-if narrowed to the affected FQDNs", () => {
  it.each(inputs.flatMap(([name, make]) => removals.map((removal) => [name, make, removal] as const)))("%s, removal %#: the same impact as the full recomputation", async (_name, make, removal) => {
    const input = make();
    await expect(impactOf(input, removal, failoverStates(input))).resolves.toEqual(failoverImpact(input, removal));
  });

  it.each<[WhatIfRemoval, string[]]>([
    [{ kind: "instance", cluster: "west", fqdn: DETAILS }, [DETAILS]],
    [{ kind: "cluster", cluster: "north" }, [DETAILS]],
    [{ kind: "gateway", cluster: "west", namespace: "istio-system", name: "eastwest-gateway" }, [DETAILS, PRODUCTPAGE, REVIEWS]],
    [{ kind: "cluster", cluster: "south" }, []],
  ])("affected FQDNs of %j", (removal, fqdns) => {
    expect([...affectedFqdns(bookinfo(), removal)].sort()).toEqual(fqdns);
  });

  it("the narrowed input keeps only facts about those FQDNs", () => {
    const narrowed = narrowInput(bookinfo(), new Set([REVIEWS]));
    expect(narrowed.clusters.flatMap((c) => c.services.map((s) => s.fqdn))).toEqual([REVIEWS, REVIEWS]);
    expect(narrowed.clusters.flatMap((c) => c.serviceEntries)).toEqual([]);
    expect(narrowed.clusters.map((c) => c.gateways.length)).toEqual(bookinfo().clusters.map((c) => c.gateways.length));
  });
});
