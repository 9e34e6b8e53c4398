import { describe, expect, it } from "vitest";
import { projectMetadata } from "./project-metadata";

const node = {
  apiVersion: "v1",
  kind: "Node",
  metadata: {
    name: "west-node-1", uid: "u1", resourceVersion: "42", creationTimestamp: "2026-01-01T00:00:00Z",
    labels: { "topology.kubernetes.io/region": "us-west1", "topology.kubernetes.io/zone": "us-west1-a" },
    annotations: { "node.alpha.kubernetes.io/ttl": "0" }, managedFields: [{ manager: "kubelet" }],
  },
  spec: { podCIDR: "10.244.0.0/24" },
  status: { images: [{ names: ["a"], sizeBytes: 1 }], conditions: [{ type: "Ready", status: "True" }] },
};

describe("projectMetadata", () => {
  it.each([
    ["not an object", "x", undefined],
    ["no metadata", {}, undefined],
    ["no name", { metadata: { uid: "u" } }, undefined],
    [
      "keeps name, uid, resourceVersion and labels; drops everything else",
      node,
      { apiVersion: "v1", kind: "Node", metadata: { name: "west-node-1", uid: "u1", resourceVersion: "42", labels: node.metadata.labels } },
    ],
    ["a node without labels", { metadata: { name: "n" } }, { apiVersion: "v1", kind: "Node", metadata: { name: "n" } }],
    ["non-string label values are not labels", { metadata: { name: "n", labels: { a: "1", b: 2 } } }, { apiVersion: "v1", kind: "Node", metadata: { name: "n", labels: { a: "1" } } }],
  ])("%s", (_, raw, expected) => {
    expect(projectMetadata(raw, "Node", "v1")).toEqual(expected);
  });

  it("holds no reference into the raw object", () => {
    const projected = projectMetadata(node, "Node", "v1");
    expect(projected?.metadata.labels).not.toBe(node.metadata.labels);
  });
});
