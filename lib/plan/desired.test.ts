import { describe, expect, it } from "vitest";
import type { JsonObject } from "./json";
import { buildObject, buildPrepared, compareObjects, CONTENT_HASH_ANNOTATION, objectId, prepareDraft, type ObjectDraft } from "./desired";

const draft = (overrides: Partial<ObjectDraft> = {}): ObjectDraft => ({
  kind: "ServiceEntry",
  name: "global-gwinternal-details-bookinfo-svc-cluster-local",
  namespace: "xcp-multicluster",
  provenance: { workspaces: ["bookinfo-ws"], settings: ["bookinfo/s"], sourceClusters: ["west", "east"], services: ["details.bookinfo.svc.cluster.local"] },
  spec: { hosts: ["details.bookinfo.svc.cluster.local"] },
  ...overrides,
});

describe("desired objects carry ownership and provenance", () => {
  it("labels and annotates", () => {
    const o = buildObject(draft({ labels: { app: "details" } }));
    expect(o.apiVersion).toBe("networking.istio.io/v1");
    expect(o.metadata.labels).toEqual({ app: "details", "app.kubernetes.io/managed-by": "eastwest-console", "eastwest-console.io/workspace": "bookinfo-ws" });
    expect(o.metadata.annotations).toMatchObject({
      "eastwest-console.io/workspaces": "bookinfo-ws",
      "eastwest-console.io/workspace-settings": "bookinfo/s",
      "eastwest-console.io/source-clusters": "east,west",
      "eastwest-console.io/services": "details.bookinfo.svc.cluster.local",
    });
    expect(o.metadata.annotations[CONTENT_HASH_ANNOTATION]).toMatch(/^[0-9a-f]{32}$/);
  });

  it.each([
    ["one source cluster → a label", ["east"], { "eastwest-console.io/source-cluster": "east" }],
    ["several → annotation only", ["east", "west"], {}],
    ["not a label value → annotation only", ["bad/name"], {}],
  ])("%s", (_, sourceClusters, extra) => {
    const o = buildObject(draft({ provenance: { ...draft().provenance, sourceClusters } }));
    expect(o.metadata.labels).toEqual({ "app.kubernetes.io/managed-by": "eastwest-console", "eastwest-console.io/workspace": "bookinfo-ws", ...extra });
  });

  it("never lets an input label override the ownership label", () => {
    expect(buildObject(draft({ labels: { "app.kubernetes.io/managed-by": "helm" } })).metadata.labels["app.kubernetes.io/managed-by"]).toBe("eastwest-console");
  });

  it.each([
    ["same content, keys in another order", draft({ spec: { b: 1, a: [1, 2] } }), draft({ spec: { a: [1, 2], b: 1 } }), true],
    ["different spec", draft({ spec: { a: 1 } }), draft({ spec: { a: 2 } }), false],
    ["different provenance", draft(), draft({ provenance: { ...draft().provenance, workspaces: ["other"] } }), false],
    ["different labels", draft({ labels: { app: "a" } }), draft({ labels: { app: "b" } }), false],
  ])("content hash: %s → equal %s", (_, a, b, equal) => {
    const [ha, hb] = [buildObject(a), buildObject(b)].map((o) => o.metadata.annotations[CONTENT_HASH_ANNOTATION]);
    expect(ha === hb).toBe(equal);
  });

  // Live objects carry this hash: a change to how it is computed would rewrite every object the console made.
  it("keeps the content hash of a known object (the value written before the hash had a prepared head)", () => {
    const shadow = buildObject({
      kind: "WorkloadEntry",
      name: "k-details-x-0",
      namespace: "bookinfo",
      provenance: { workspaces: ["bookinfo-ws"], settings: ["bookinfo/s"], sourceClusters: ["east"], services: ["details.bookinfo.svc.cluster.local"] },
      labels: { app: "details", 'é"x': "ü\n" },
      spec: { address: "10.0.0.1", labels: { app: "details", "security.istio.io/tlsMode": "istio" }, ports: { http: 15443 }, network: "net-east", locality: "r/z" },
    });
    expect(shadow.metadata.annotations[CONTENT_HASH_ANNOTATION]).toBe("14d4b113fb86659040ae046a35be6017");
  });

  it("builds a prepared draft's objects as buildObject builds each", () => {
    const { kind, namespace, provenance, labels } = draft({ labels: { app: "details" } });
    const common = { kind, namespace, provenance, labels };
    const prepared = prepareDraft(common);
    for (const spec of [{ address: "10.0.0.1" }, { address: "10.0.0.2", ports: { http: 15443 } }] as JsonObject[]) {
      const built = buildPrepared(prepared, "n", spec);
      expect(built).toEqual(buildObject({ ...common, name: "n", spec }));
      expect(Object.keys(built.metadata.annotations)).toEqual(Object.keys(built.metadata.annotations).sort());
    }
  });

  it("orders objects by kind, namespace, name", () => {
    const objects = [
      buildObject(draft({ kind: "WorkloadEntry", namespace: "bookinfo", name: "b" })),
      buildObject(draft({ kind: "DestinationRule", namespace: "z", name: "a" })),
      buildObject(draft({ kind: "WorkloadEntry", namespace: "bookinfo", name: "a" })),
    ];
    expect(objects.sort(compareObjects).map(objectId)).toEqual(["DestinationRule z/a", "WorkloadEntry bookinfo/a", "WorkloadEntry bookinfo/b"]);
  });
});
