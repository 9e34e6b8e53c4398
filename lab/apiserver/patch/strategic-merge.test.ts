import { describe, expect, it } from "vitest";
import { applyMergePatch } from "./merge-patch";
import { listStrategy, strategicMerge } from "./strategic-merge";

const deployment = {
  metadata: { name: "d", labels: { app: "d", tier: "web" }, finalizers: ["a"] },
  spec: {
    replicas: 1,
    template: {
      spec: {
        containers: [
          { name: "app", image: "app:1", ports: [{ containerPort: 80 }], env: [{ name: "A", value: "1" }, { name: "B", value: "2" }] },
          { name: "sidecar", image: "proxy:1" },
        ],
        volumes: [{ name: "v1", emptyDir: {} }],
      },
    },
  },
};

describe("merge patch (RFC 7386)", () => {
  it.each([
    { name: "null deletes", patch: { metadata: { labels: { tier: null } } }, check: (r: typeof deployment) => expect(r.metadata.labels).toEqual({ app: "d" }) },
    { name: "lists are replaced", patch: { metadata: { finalizers: ["b"] } }, check: (r: typeof deployment) => expect(r.metadata.finalizers).toEqual(["b"]) },
    { name: "maps merge", patch: { spec: { replicas: 3 } }, check: (r: typeof deployment) => expect(r.spec.template).toEqual(deployment.spec.template) },
  ])("$name", ({ patch, check }) => {
    check(applyMergePatch(deployment, patch) as typeof deployment);
  });
});

describe("strategic merge patch", () => {
  const containers = (result: unknown) => (result as typeof deployment).spec.template.spec.containers;
  const cases: Array<{ name: string; patch: Record<string, unknown>; check: (result: unknown) => void }> = [
    {
      name: "containers merge by name",
      patch: { spec: { template: { spec: { containers: [{ name: "app", image: "app:2" }] } } } },
      check: (r) => {
        expect(containers(r).map((c) => [c.name, c.image])).toEqual([["app", "app:2"], ["sidecar", "proxy:1"]]);
        expect(containers(r)[0]?.env).toHaveLength(2);
      },
    },
    {
      name: "a new container is appended",
      patch: { spec: { template: { spec: { containers: [{ name: "extra", image: "x" }] } } } },
      check: (r) => expect(containers(r).map((c) => c.name)).toEqual(["app", "sidecar", "extra"]),
    },
    {
      name: "env merges by name inside a merged container",
      patch: { spec: { template: { spec: { containers: [{ name: "app", env: [{ name: "B", value: "3" }, { name: "C", value: "4" }] }] } } } },
      check: (r) => expect(containers(r)[0]?.env).toEqual([{ name: "A", value: "1" }, { name: "B", value: "3" }, { name: "C", value: "4" }]),
    },
    {
      name: "$patch: delete removes a list item",
      patch: { spec: { template: { spec: { containers: [{ name: "sidecar", $patch: "delete" }] } } } },
      check: (r) => expect(containers(r).map((c) => c.name)).toEqual(["app"]),
    },
    {
      name: "$patch: replace on a list replaces it",
      patch: { spec: { template: { spec: { volumes: [{ name: "v2", emptyDir: {} }, { $patch: "replace" }] } } } },
      check: (r) => expect((r as typeof deployment).spec.template.spec.volumes).toEqual([{ name: "v2", emptyDir: {} }]),
    },
    {
      name: "$patch: replace on a map replaces it",
      patch: { metadata: { labels: { only: "x", $patch: "replace" } } },
      check: (r) => expect((r as typeof deployment).metadata.labels).toEqual({ only: "x" }),
    },
    {
      name: "$patch: delete on a map removes it",
      patch: { metadata: { labels: { $patch: "delete" } } },
      check: (r) => expect((r as typeof deployment).metadata.labels).toBeUndefined(),
    },
    {
      name: "finalizers merge as a set and $deleteFromPrimitiveList removes",
      patch: { metadata: { finalizers: ["b"], "$deleteFromPrimitiveList/finalizers": ["a"] } },
      check: (r) => expect((r as typeof deployment).metadata.finalizers).toEqual(["b"]),
    },
    {
      name: "$setElementOrder reorders and is not stored",
      patch: { spec: { template: { spec: { "$setElementOrder/containers": [{ name: "sidecar" }, { name: "app" }], containers: [{ name: "app", image: "app:3" }] } } } },
      check: (r) => {
        expect(containers(r).map((c) => c.name)).toEqual(["sidecar", "app"]);
        expect(Object.keys((r as typeof deployment).spec.template.spec)).not.toContain("$setElementOrder/containers");
      },
    },
    {
      name: "$retainKeys drops keys not listed",
      patch: { spec: { $retainKeys: ["template"], template: {} } },
      check: (r) => expect(Object.keys((r as typeof deployment).spec)).toEqual(["template"]),
    },
    {
      name: "null deletes",
      patch: { spec: { replicas: null } },
      check: (r) => expect((r as typeof deployment).spec.replicas).toBeUndefined(),
    },
  ];
  it.each(cases)("$name", ({ patch, check }) => {
    check(strategicMerge(structuredClone(deployment), patch));
  });

  it.each([
    { path: "spec.ports", expected: { kind: "merge-key", key: "port" } },
    { path: "spec.template.spec.containers.ports", expected: { kind: "merge-key", key: "containerPort" } },
    { path: "spec.template.spec.containers", expected: { kind: "merge-key", key: "name" } },
    { path: "spec.hosts", expected: { kind: "replace" } },
  ])("list strategy of $path", ({ path, expected }) => {
    expect(listStrategy(path)).toEqual(expected);
  });
});
