import { describe, expect, it } from "vitest";
import { createIdentity, createKeyMemo, serviceKey } from "./service-key";
import type { ClusterInput } from "./input";
import { MULTICLUSTER_NAMESPACE } from "./placed";
import { modelOf, seedInput } from "./test-fixtures";

describe("service keys", () => {
  it("number objects per identity function: two planners share no numbering", () => {
    const [a, b] = [{}, {}];
    const first = createIdentity();
    const second = createIdentity();
    expect([first(a), first(b), first(a)]).toEqual([1, 2, 1]);
    expect(second(b)).toBe(1);
  });

  it("are equal for an equal input under fresh memos, and differ when an instance is another object", () => {
    const input = seedInput();
    const model = modelOf(input);
    const keys = (memo = createKeyMemo()) => model.services.map((svc) => serviceKey(model, svc, memo));
    expect(keys()).toEqual(keys());
    const memo = createKeyMemo();
    const before = keys(memo);
    const copy = modelOf(structuredClone(input));
    expect(copy.services.map((svc) => serviceKey(copy, svc, memo))).not.toEqual(before);
  });

  // The memo keeps each cluster's part per input object: a changed cluster (a new object) must give new keys.
  it.each<[string, (c: ClusterInput) => ClusterInput]>([
    ["another network", (c) => ({ ...c, network: `${c.network}-moved` })],
    ["another locality", (c) => ({ ...c, locality: "elsewhere/zone-z" })],
    ["no xcp-multicluster namespace", (c) => ({ ...c, namespaces: c.namespaces.filter((n) => n !== MULTICLUSTER_NAMESPACE) })],
    ["a DestinationRule of the user's for every host", (c) => ({ ...c, destinationRules: [...c.destinationRules, { namespace: "bookinfo", name: "mine", host: "*", hasOutlierDetection: true, managedByUs: false }] })],
  ])("change when a cluster's input changes under the same memo: %s", (_, change) => {
    const input = seedInput();
    const memo = createKeyMemo();
    const model = modelOf(input);
    const before = model.services.map((svc) => serviceKey(model, svc, memo));
    const [first, ...rest] = input.clusters as [ClusterInput, ...ClusterInput[]];
    const changed = modelOf({ ...input, clusters: [change(first), ...rest] });
    const after = changed.services.map((svc) => serviceKey(changed, svc, memo));
    expect(after).toHaveLength(before.length);
    expect(after.every((key, i) => key !== before[i])).toBe(true);
    // And the same input again gives the same keys (the memo's parts, not new numbers).
    expect(model.services.map((svc) => serviceKey(model, svc, memo))).toEqual(before);
  });
});
