// inspect.whatIf on the converged demo fleet (west and east run details, each with a ready east-west gateway;
// north is stale): which services in which clusters change, grouped by cluster, in lib/failover's words; parts
// that do not exist are NOT_FOUND naming the field; an answer is memoized per (input, removal).
import { failoverStates } from "@/lib/failover/failover-state";
import { describe, expect, it } from "vitest";
import { bookinfo } from "@/lib/failover/test-helpers";
import { impactOf, whatIf } from "./what-if";
import type { WhatIfRemoval } from "./removal";
import { convergedDeps, DETAILS, WS } from "./test/inspect-fleet";

type Row = [cluster: string, fqdn: string, before: string, after: string, targets: string];

describe("inspect.whatIf", () => {
  it.each<{ name: string; removal: WhatIfRemoval; rows: Row[]; unavailable: number }>([
    {
      name: "details in west down: west fails over to east, east loses its failover target",
      removal: { kind: "instance", cluster: "west", fqdn: DETAILS },
      rows: [
        ["east", DETAILS, "Serving locally", "At risk", ""],
        ["west", DETAILS, "Serving locally", "Failed over", "east"],
      ],
      unavailable: 0,
    },
    {
      name: "east down: west's details loses its only failover target",
      removal: { kind: "cluster", cluster: "east" },
      rows: [["west", DETAILS, "Serving locally", "At risk", ""]],
      unavailable: 0,
    },
    {
      name: "west's gateway gone: east's details has nowhere to fail over",
      removal: { kind: "gateway", cluster: "west", namespace: "bookinfo", name: "eastwest-gateway" },
      rows: [["east", DETAILS, "Serving locally", "At risk", ""]],
      unavailable: 0,
    },
    {
      name: "reviews in west (it runs nowhere else): unavailable",
      removal: { kind: "instance", cluster: "west", fqdn: "reviews.bookinfo.svc.cluster.local" },
      rows: [["west", "reviews.bookinfo.svc.cluster.local", "At risk", "Unavailable", ""]],
      unavailable: 1,
    },
  ])("$name", async ({ removal, rows, unavailable }) => {
    const { deps } = await convergedDeps();
    const result = await whatIf(deps, { workspace: WS, removal });
    const seen = result.clusters.flatMap((c) => c.services.map((s): Row => [c.cluster, s.fqdn, s.before.words, s.after.words, s.targets.map((t) => t.cluster).join(">")]));
    expect(seen).toEqual(rows);
    expect(result.unavailable).toBe(unavailable);
    expect(result.changed).toBe(rows.length);
  });

  it("the sentences say before and after in the pages' words", async () => {
    const { deps } = await convergedDeps();
    const result = await whatIf(deps, { removal: { kind: "instance", cluster: "west", fqdn: DETAILS } });
    expect(result.removalWords).toBe(`${DETAILS} in west`);
    const west = result.clusters.find((c) => c.cluster === "west")?.services[0];
    expect(west?.before.sentence).toBe("Serving locally (1 of 1 local endpoints ready); fails over to east through bookinfo/eastwest-gateway.");
    expect(west?.after.sentence).toBe("Failed over to east through bookinfo/eastwest-gateway (0 of 1 local endpoints ready).");
  });

  it("a stale cluster removed: nothing reads it as a target, nothing changes", async () => {
    const { deps } = await convergedDeps();
    const result = await whatIf(deps, { removal: { kind: "cluster", cluster: "north" } });
    expect(result).toMatchObject({ clusters: [], changed: 0, unavailable: 0 });
  });

  it.each<[string, WhatIfRemoval, string]>([
    ["an unknown cluster", { kind: "cluster", cluster: "mars" }, "removal.cluster"],
    ["an unknown gateway", { kind: "gateway", cluster: "west", namespace: "bookinfo", name: "nope" }, "removal.name"],
    ["a service the cluster does not run", { kind: "instance", cluster: "east", fqdn: "reviews.bookinfo.svc.cluster.local" }, "removal.fqdn"],
  ])("%s → NOT_FOUND naming %s", async (_name, removal, field) => {
    const { deps } = await convergedDeps();
    await expect(whatIf(deps, { removal })).rejects.toMatchObject({ tag: "eastwest.NotFound", field });
  });

  it("memoized per (input, removal): asking again returns the same impact; another removal is another", () => {
    const input = bookinfo();
    const removal: WhatIfRemoval = { kind: "cluster", cluster: "east" };
    const before = failoverStates(input);
    const first = impactOf(input, removal, before);
    expect(impactOf(input, { kind: "cluster", cluster: "east" }, before)).toBe(first);
    expect(impactOf(input, { kind: "cluster", cluster: "north" }, before)).not.toBe(first);
    const other = bookinfo();
    expect(impactOf(other, removal, failoverStates(other))).not.toBe(first);
  });
});
