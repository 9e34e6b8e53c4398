import { describe, expect, it } from "vitest";
import { labelsDigest, namespaceDigests } from "./namespace-digests";
import { obj } from "./snapshot-fixtures";
import { objectKey, type CachedObject, type ObjectMap } from "./snapshot-types";

const at = (o: CachedObject, resourceVersion: string): CachedObject => ({ ...o, metadata: { ...o.metadata, resourceVersion } });
const mapOf = (...items: CachedObject[]): ObjectMap => new Map(items.map((o) => [objectKey(o.metadata), o]));
const pod = (name: string, namespace: string, rv: string) => at(obj("Pod", name, { namespace }), rv);

describe("namespaceDigests", () => {
  const before = namespaceDigests(mapOf(pod("a", "one", "1"), pod("b", "two", "1")));

  it.each([
    ["a write in the namespace", mapOf(pod("a", "one", "2"), pod("b", "two", "1")), "one", false],
    ["a new object in the namespace", mapOf(pod("a", "one", "1"), pod("c", "one", "1"), pod("b", "two", "1")), "one", false],
    ["a deleted object", mapOf(pod("b", "two", "1")), "one", false],
    ["a write in another namespace", mapOf(pod("a", "one", "1"), pod("b", "two", "5")), "one", true],
  ])("on %s, namespace %s keeps its digest: %s", (_, after, namespace, same) => {
    expect(namespaceDigests(after).get(namespace) === before.get(namespace)).toBe(same);
  });
});

describe("labelsDigest", () => {
  const node = (labels: Record<string, string>, rv: string) => at(obj("Node", "n1", { labels }), rv);
  it("ignores a Node's resourceVersion (heartbeats) and follows its labels", () => {
    const before = labelsDigest(mapOf(node({ zone: "a" }, "1")));
    expect(labelsDigest(mapOf(node({ zone: "a" }, "2")))).toBe(before);
    expect(labelsDigest(mapOf(node({ zone: "b" }, "3")))).not.toBe(before);
  });
});
