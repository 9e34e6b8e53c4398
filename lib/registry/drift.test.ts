import { describe, expect, it } from "vitest";
import { buildObject } from "@/lib/plan/desired";
import { driftedFields } from "./drift";

const desired = buildObject({
  kind: "ServiceEntry",
  name: "global-gwinternal-details-bookinfo-svc-cluster-local",
  namespace: "xcp-multicluster",
  provenance: { workspaces: ["ws"], settings: ["bookinfo/s"], sourceClusters: ["east"], services: ["details.bookinfo.svc.cluster.local"] },
  spec: { hosts: ["details.bookinfo.svc.cluster.local"], endpoints: [{ address: "10.0.0.1", ports: { http: 15443 } }], trafficPolicy: { tls: { mode: "ISTIO_MUTUAL" }, lb: "ROUND_ROBIN" } },
});
const asLive = () => ({ labels: { ...desired.metadata.labels }, annotations: { ...desired.metadata.annotations }, spec: structuredClone(desired.spec) as Record<string, unknown> });
type Live = ReturnType<typeof asLive>;

const rows: Array<[string, (l: Live) => Live, string[]]> = [
  ["as planned", (l) => l, []],
  ["keys in another order", (l) => ({ ...l, spec: Object.fromEntries(Object.entries(l.spec).reverse()) }), []],
  ["others' labels and annotations beside ours", (l) => ({ ...l, labels: { ...l.labels, team: "a" }, annotations: { ...l.annotations, note: "b" } }), []],
  ["others' spec keys beside ours (owned by another manager)", (l) => ({ ...l, spec: { ...l.spec, exportTo: ["."] } }), []],
  ["others' nested keys inside a map we set", (l) => ({ ...l, spec: { ...l.spec, trafficPolicy: { ...(l.spec.trafficPolicy as object), extra: 1 } } }), []],
  ["endpoints patched to another address", (l) => ({ ...l, spec: { ...l.spec, endpoints: [{ address: "203.0.113.99", ports: { http: 15443 } }] } }), ["spec.endpoints"]],
  ["an endpoint added", (l) => ({ ...l, spec: { ...l.spec, endpoints: [...(l.spec.endpoints as unknown[]), { address: "203.0.113.99" }] } }), ["spec.endpoints"]],
  ["a field inside an endpoint added", (l) => ({ ...l, spec: { ...l.spec, endpoints: [{ address: "10.0.0.1", ports: { http: 15443 }, weight: 5 }] } }), ["spec.endpoints"]],
  ["a nested value changed", (l) => ({ ...l, spec: { ...l.spec, trafficPolicy: { tls: { mode: "DISABLE" }, lb: "ROUND_ROBIN" } } }), ["spec.trafficPolicy.tls.mode"]],
  ["a spec field removed", (l) => ({ ...l, spec: { hosts: l.spec.hosts, trafficPolicy: l.spec.trafficPolicy } }), ["spec.endpoints"]],
  ["no spec at all", (l) => ({ ...l, spec: undefined as unknown as Record<string, unknown> }), ["spec.endpoints", "spec.hosts", "spec.trafficPolicy"]],
  ["our label changed", (l) => ({ ...l, labels: { ...l.labels, "eastwest-console.io/source-cluster": "west" } }), ["metadata.labels.eastwest-console.io/source-cluster"]],
  ["a source annotation removed", (l) => ({ ...l, annotations: Object.fromEntries(Object.entries(l.annotations).filter(([k]) => k !== "eastwest-console.io/services")) }), ["metadata.annotations.eastwest-console.io/services"]],
  ["a number turned into a string", (l) => ({ ...l, spec: { ...l.spec, endpoints: [{ address: "10.0.0.1", ports: { http: "15443" } }] } }), ["spec.endpoints"]],
];

describe("driftedFields", () => {
  it.each(rows)("%s", (_name, edit, expected) => {
    expect(driftedFields(desired, edit(asLive()))).toEqual(expected);
  });
});
