import { describe, expect, it } from "vitest";
import { liveById, liveNamed, observedIndex } from "./observed-index";
import { createRegistryMemos } from "./registry-memos";
import type { ObservedObject } from "./types";

const object = (kind: ObservedObject["kind"], namespace: string, name: string): ObservedObject => ({ kind, namespace, name, uid: `${kind}-${namespace}-${name}`, resourceVersion: "1", labels: {}, annotations: {}, spec: {}, managers: [] });

// A ServiceEntry and its DestinationRule share a name; WorkloadEntries of two namespaces can too.
const se = object("ServiceEntry", "xcp-multicluster", "global-gwinternal-a");
const dr = object("DestinationRule", "xcp-multicluster", "global-gwinternal-a");
const we1 = object("WorkloadEntry", "ns-1", "k-a-0123");
const we2 = object("WorkloadEntry", "ns-2", "k-a-0123");
const index = observedIndex([se, dr, we1, we2]);

describe("observedIndex", () => {
  it.each([
    ["the only object of a name", "WorkloadEntry", "ns-1", "k-a-0123", we1],
    ["the other namespace's object of the same name", "WorkloadEntry", "ns-2", "k-a-0123", we2],
    ["a ServiceEntry beside its DestinationRule", "ServiceEntry", "xcp-multicluster", "global-gwinternal-a", se],
    ["the DestinationRule beside it", "DestinationRule", "xcp-multicluster", "global-gwinternal-a", dr],
    ["a name of another kind only", "Gateway", "xcp-multicluster", "global-gwinternal-a", undefined],
    ["a namespace without it", "WorkloadEntry", "ns-3", "k-a-0123", undefined],
    ["a name nobody has", "WorkloadEntry", "ns-1", "k-b-0123", undefined],
  ])("%s", (_what, kind, namespace, name, expected) => {
    expect(liveNamed(index, kind, namespace, name)).toBe(expected);
    expect(liveById(index, `${kind} ${namespace}/${name}`)).toBe(expected);
  });

  it.each([["no space", "WorkloadEntryns-1/k-a-0123"], ["no slash", "WorkloadEntry ns-1 k-a-0123"], ["empty", ""]])("finds nothing for an id with %s", (_what, id) => {
    expect(liveById(index, id)).toBeUndefined();
  });

  it("is built once per list with memos, and again for another list", () => {
    const memos = createRegistryMemos();
    const list = [we1, we2];
    expect(observedIndex(list, memos)).toBe(observedIndex(list, memos));
    expect(observedIndex([...list], memos)).not.toBe(observedIndex(list, memos));
  });
});
