import { describe, expect, it } from "vitest";
import type { LiveObject } from "@/server/kube/console-outcome";
import { notProvenSentence, proveConsoleGateway, readableLive } from "./gateway-ownership";

const LABEL = { "app.kubernetes.io/managed-by": "eastwest-console" };
const APPLIED = [{ manager: "eastwest-console", operation: "Apply", apiVersion: "install.tetrate.io/v1alpha1", fieldsType: "FieldsV1", fieldsV1: {} }];

function gateway(over: { name?: string; namespace?: string; labels?: Record<string, string>; managedFields?: unknown[]; spec?: unknown } = {}): LiveObject {
  return {
    apiVersion: "install.tetrate.io/v1alpha1",
    kind: "IngressGateway",
    metadata: { name: over.name ?? "eastwest-gateway", namespace: over.namespace ?? "bookinfo", uid: "u1", resourceVersion: "7", labels: over.labels ?? LABEL, managedFields: over.managedFields ?? APPLIED },
    spec: over.spec ?? { eastWestOnly: true },
  };
}

const LABEL_MISSING = "the app.kubernetes.io/managed-by=eastwest-console label";
const MANAGER_MISSING = "the console's field manager (eastwest-console) in metadata.managedFields";

describe("proveConsoleGateway", () => {
  it.each<[string, LiveObject, string[]]>([
    ["every mark: the console's", gateway(), []],
    // The observed case: kubectl copied the label, eastWestOnly false, applied by kubectl.
    ["kubectl-made with the copied label", gateway({ spec: { eastWestOnly: false }, managedFields: [{ manager: "kubectl-client-side-apply", operation: "Update" }] }), [MANAGER_MISSING, "spec.eastWestOnly: true"]],
    ["someone applied with --field-manager=eastwest-console but as an update", gateway({ managedFields: [{ manager: "eastwest-console", operation: "Update" }] }), [MANAGER_MISSING]],
    ["no managedFields at all", gateway({ managedFields: [] }), [MANAGER_MISSING]],
    ["no label", gateway({ labels: {} }), [LABEL_MISSING]],
    ["another manager's label value", gateway({ labels: { "app.kubernetes.io/managed-by": "helm" } }), [LABEL_MISSING]],
    ["outside the workspace's namespaces", gateway({ namespace: "kube-system" }), ["a namespace of the workspace (bookinfo, shop)"]],
    ["a name the form never makes", gateway({ name: "East_West" }), ["a name the console's deploy form produces (a DNS label)"]],
    ["no spec", gateway({ spec: {} }), ["spec.eastWestOnly: true"]],
  ])("%s", (_name, live, missing) => {
    const proof = proveConsoleGateway(live, ["bookinfo", "shop"]);
    expect(proof).toEqual(missing.length === 0 ? { owned: true } : { owned: false, missing });
  });

  it("says what is missing and that nothing was deleted", () => {
    expect(notProvenSentence({ cluster: "north", namespace: "bookinfo", name: "eastwest-gateway" }, [MANAGER_MISSING, "spec.eastWestOnly: true"])).toBe(
      "IngressGateway bookinfo/eastwest-gateway in north is not provably the console's: it lacks the console's field manager (eastwest-console) in metadata.managedFields and spec.eastWestOnly: true. The console removes only gateways it made; remove this one where it is managed. Nothing was deleted.",
    );
  });
});

describe("readableLive", () => {
  it("drops managedFields and kubectl's last-applied copy, keeps everything else", () => {
    const live = gateway();
    const annotated: LiveObject = { ...live, metadata: { ...live.metadata, annotations: { "kubectl.kubernetes.io/last-applied-configuration": "{…}", team: "mesh" } }, status: { phase: "Ready" } };
    expect(readableLive(annotated)).toEqual({
      apiVersion: "install.tetrate.io/v1alpha1",
      kind: "IngressGateway",
      metadata: { name: "eastwest-gateway", namespace: "bookinfo", uid: "u1", resourceVersion: "7", labels: LABEL, annotations: { team: "mesh" } },
      spec: { eastWestOnly: true },
      status: { phase: "Ready" },
    });
    expect(readableLive(live).metadata).not.toHaveProperty("annotations");
  });
});
