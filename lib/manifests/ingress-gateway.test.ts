import { describe, expect, it } from "vitest";
import { cluster } from "@/lib/plan/test-fixtures";
import { ingressGatewayManifest, planIngressGateway } from "./ingress-gateway";

const clusters = [cluster("west"), cluster("east", { stale: true }), cluster("north", { namespaces: ["default"] })];
const fleet = { clusters, workspace: { namespace: "bookinfo" } };

describe("ingressGatewayManifest", () => {
  it("is the seed's east-west IngressGateway, labelled as the console's", () => {
    expect(ingressGatewayManifest("eastwest-gateway", "bookinfo")).toEqual({
      apiVersion: "install.tetrate.io/v1alpha1",
      kind: "IngressGateway",
      metadata: { name: "eastwest-gateway", namespace: "bookinfo", labels: { "app.kubernetes.io/managed-by": "eastwest-console" } },
      spec: { eastWestOnly: true },
    });
  });
});

describe("planIngressGateway", () => {
  it("defaults the name and the namespace (the workspace's)", () => {
    const planned = planIngressGateway({ clusters: ["west"] }, fleet);
    expect(planned).toEqual({ ok: true, value: { manifest: ingressGatewayManifest("eastwest-gateway", "bookinfo"), clusters: ["west"], warnings: [] } });
  });

  it("keeps an explicit name and namespace", () => {
    const planned = planIngressGateway({ name: "ew", namespace: "default", clusters: ["west"] }, fleet);
    expect(planned.ok && planned.value.manifest.metadata).toMatchObject({ name: "ew", namespace: "default" });
  });

  it.each([
    ["an invalid name", { name: "East_West", clusters: ["west"] }, [["name", 'gateway name "East_West" has upper-case letters']]],
    ["an invalid namespace", { namespace: "-x", clusters: ["west"] }, [["namespace", 'namespace "-x" must start and end']]],
    ["no cluster", { clusters: [] }, [["clusters", "choose at least one cluster"]]],
    ["clusters missing", {}, [["clusters", "clusters must be a list of cluster names"]]],
    ["an unknown cluster", { clusters: ["south"] }, [["clusters.0", 'cluster "south" is not one of']]],
    ["a stale cluster", { clusters: ["east"] }, [["clusters.0", "cluster east is unreachable or not synced"]]],
    ["a missing namespace", { clusters: ["west", "north"] }, [["namespace", "namespace bookinfo does not exist in north; create it first (kubectl --context north create namespace bookinfo)"]]],
  ])("rejects %s, naming the field", (_, raw, expected) => {
    const planned = planIngressGateway(raw, fleet);
    expect(planned.ok).toBe(false);
    if (!planned.ok) {
      expect(planned.errors.map((e) => e.field)).toEqual(expected.map(([field]) => field));
      planned.errors.forEach((e, i) => expect(e.message).toContain(expected[i]?.[1]));
    }
  });

  it.each([
    ["the seed's selector and name", "eastwest-gateway", { app: "eastwest-gateway" }, []],
    ["a renamed gateway", "ew", { app: "eastwest-gateway" }, ["the gateway's pods will be labelled app=ew, but workspace bookinfo-ws selects gateways labelled app=eastwest-gateway; it will not serve the workspace unless you rename it or change the WorkspaceSetting's workloadSelector."]],
    ["a selector the installer's labels cannot meet", "eastwest-gateway", { app: "eastwest-gateway", istio: "eastwestgateway" }, ["selects gateways labelled app=eastwest-gateway,istio=eastwestgateway"]],
  ])("warns when the WorkspaceSetting would not select the gateway: %s", (_, name, workloadSelector, messages) => {
    const planned = planIngressGateway({ name, clusters: ["west"] }, { clusters, workspace: { name: "bookinfo-ws", namespace: "bookinfo", setting: { workloadSelector } } });
    const warnings = planned.ok ? planned.value.warnings : [];
    expect(warnings.map((w) => w.field)).toEqual(messages.map(() => "name"));
    warnings.forEach((w, i) => expect(w.message).toContain(messages[i]));
  });

  it("asks for a namespace when the workspace has none", () => {
    const planned = planIngressGateway({ clusters: ["west"] }, { clusters });
    expect(planned.ok ? [] : planned.errors.map((e) => e.field)).toEqual(["namespace"]);
  });
});
