import { describe, expect, it } from "vitest";
import type { DesiredKind, DesiredObject } from "@/lib/plan/desired";
import { scopeFromPlanned } from "./ownership-scope";

const object = (kind: DesiredKind, namespace: string, name: string): DesiredObject => ({
  apiVersion: "networking.istio.io/v1",
  kind,
  metadata: { name, namespace, labels: {}, annotations: {} },
  spec: {},
});

describe("scopeFromPlanned", () => {
  it.each([
    { case: "sorted runs of one namespace", list: [object("DestinationRule", "a", "x"), object("WorkloadEntry", "a", "y"), object("WorkloadEntry", "a", "z"), object("WorkloadEntry", "b", "y")], namespaces: ["a", "b"], gateways: [] },
    { case: "a namespace that comes back after another", list: [object("WorkloadEntry", "a", "x"), object("WorkloadEntry", "b", "x"), object("WorkloadEntry", "a", "y"), object("WorkloadEntry", "c", "x")], namespaces: ["a", "b", "c"], gateways: [] },
    { case: "ServiceEntries place nothing; Gateways are named", list: [object("ServiceEntry", "xcp-multicluster", "s"), object("Gateway", "istio-gateways", "pass"), object("WorkloadEntry", "istio-gateways", "w")], namespaces: ["istio-gateways"], gateways: ["istio-gateways/pass"] },
    { case: "a namespace first seen on a ServiceEntry", list: [object("ServiceEntry", "a", "s"), object("Gateway", "a", "g"), object("WorkloadEntry", "a", "w")], namespaces: ["a"], gateways: ["a/g"] },
    { case: "nothing planned", list: [], namespaces: [], gateways: [] },
  ])("$case", ({ list, namespaces, gateways }) => {
    const scope = scopeFromPlanned(list);
    expect([...scope.workspaceNamespaces].sort()).toEqual(namespaces);
    expect([...scope.gateways]).toEqual(gateways);
  });
});
