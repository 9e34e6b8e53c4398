import { describe, expect, it } from "vitest";
import { nodeIdOf, parseNodeId } from "./node-id";

describe("node ids", () => {
  it.each([
    ["cluster:west", { kind: "cluster", cluster: "west" }],
    ["ns:west/bookinfo", { kind: "namespace", cluster: "west", namespace: "bookinfo" }],
    ["gw:east/istio-system/eastwest-gateway", { kind: "gateway", cluster: "east", namespace: "istio-system", name: "eastwest-gateway" }],
    ["svc:west/details.bookinfo.svc.cluster.local", { kind: "service", cluster: "west", fqdn: "details.bookinfo.svc.cluster.local" }],
    ["se:south/details.bookinfo.svc.cluster.local", { kind: "service-entry", cluster: "south", fqdn: "details.bookinfo.svc.cluster.local" }],
    ["cluster:kind-west@admin", { kind: "cluster", cluster: "kind-west@admin" }],
  ])("%s reads back and spells the same", (id, ref) => {
    expect(parseNodeId(id)).toEqual(ref);
    expect(nodeIdOf(ref as NonNullable<ReturnType<typeof parseNodeId>>)).toBe(id);
  });

  it.each(["", "west", "cluster:", "ns:west", "ns:west/", "gw:west/bookinfo", "svc:west/a/b", "pod:west/x", ":west", "svc:/x"])("%j is no node id", (id) => {
    expect(parseNodeId(id)).toBeUndefined();
  });
});
