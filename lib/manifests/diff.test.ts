import { describe, expect, it } from "vitest";
import { diffManifest } from "./diff";
import { stripServerFields } from "./strip-server-fields";

const applied = {
  apiVersion: "settings.tetrate.io/v1alpha1",
  kind: "WorkspaceSetting",
  metadata: { name: "bookinfo-ws-setting", namespace: "bookinfo" },
  spec: { workspace: "bookinfo-ws", defaultEastWestGatewaySettings: { workloadSelector: { app: "eastwest-gateway" }, exposedServices: ["details.bookinfo.svc.cluster.local"] } },
};

/** The same object as the API server returns it: server fields, status, another key order. */
const live = (spec: object = applied.spec) => ({
  kind: "WorkspaceSetting",
  apiVersion: "settings.tetrate.io/v1alpha1",
  metadata: {
    namespace: "bookinfo",
    name: "bookinfo-ws-setting",
    uid: "1234",
    resourceVersion: "77",
    generation: 3,
    creationTimestamp: "2026-11-25T00:00:00Z",
    managedFields: [{ manager: "kubectl", operation: "Update" }],
    annotations: { "kubectl.kubernetes.io/last-applied-configuration": "{}" },
  },
  spec,
  status: { phase: "Accepted" },
});

describe("diffManifest", () => {
  it("reports no changes when only server-populated fields differ", () => {
    expect(diffManifest(live(), applied)).toEqual({ kind: "no-changes" });
  });

  it("diffs a changed list as a unified YAML diff plus its field path", () => {
    const result = diffManifest(live({ ...applied.spec, defaultEastWestGatewaySettings: { workloadSelector: { app: "eastwest-gateway" } } }), applied);
    expect(result.kind).toBe("update");
    if (result.kind !== "update") return;
    expect(result.changes).toEqual([{ path: "spec.defaultEastWestGatewaySettings.exposedServices", change: "added" }]);
    expect(result.unified).toContain("--- live/WorkspaceSetting/bookinfo/bookinfo-ws-setting");
    expect(result.unified).toContain("+++ applied/WorkspaceSetting/bookinfo/bookinfo-ws-setting");
    expect(result.unified).toContain("+    exposedServices:\n+      - details.bookinfo.svc.cluster.local");
    expect(result.unified).not.toContain("resourceVersion");
  });

  it("shows a create as all additions", () => {
    const result = diffManifest(undefined, applied);
    expect(result.kind).toBe("create");
    if (result.kind !== "create") return;
    expect(result.changes.map((c) => c.path)).toEqual(["apiVersion", "kind", "metadata", "spec"]);
    expect(result.unified.split("\n").filter((l) => l.startsWith("-") && !l.startsWith("---"))).toEqual([]);
  });
});

describe("stripServerFields", () => {
  it.each([
    ["keeps other annotations", { metadata: { name: "a", annotations: { x: "1", "kubectl.kubernetes.io/last-applied-configuration": "{}" } } }, { metadata: { name: "a", annotations: { x: "1" } } }],
    ["drops emptied annotations", { metadata: { name: "a", annotations: { "kubectl.kubernetes.io/last-applied-configuration": "{}" } } }, { metadata: { name: "a" } }],
    ["drops status and server metadata", { metadata: { name: "a", uid: "u", selfLink: "/x" }, status: {} }, { metadata: { name: "a" } }],
    ["tolerates no metadata", { kind: "K" }, { kind: "K" }],
  ])("%s", (_, input, expected) => {
    const before = JSON.stringify(input);
    expect(stripServerFields(input)).toEqual(expected);
    expect(JSON.stringify(input)).toBe(before);
  });
});
