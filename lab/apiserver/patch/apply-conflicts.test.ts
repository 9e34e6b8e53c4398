import { describe, expect, it } from "vitest";
import type { KubeObject } from "../types";
import { computePatch } from "./compute-patch";
import { apply, APPLY, seBase as base, seConfig, serviceEntryType, statusOf, stored, T0, T1, yamlBody } from "./test-fixtures";

describe("server-side apply conflicts", () => {
  const live = stored(apply(undefined, base, "kubectl"));
  const edited: KubeObject = stored(computePatch({
    type: serviceEntryType, existing: live, body: JSON.stringify({ spec: { resolution: "STATIC" } }),
    contentType: "application/merge-patch+json", fieldManager: "editor", now: T1,
  }));

  it("a different value for a field an Update manager owns → 409 with FieldManagerConflict causes", () => {
    const status = statusOf(() => apply(edited, seConfig(["resolution: NONE"]), "kubectl"));
    expect(status).toMatchObject({
      code: 409, reason: "Conflict", status: "Failure",
      message: 'Apply failed with 1 conflict: conflict with "editor" using networking.istio.io/v1: .spec.resolution',
      details: { causes: [{ reason: "FieldManagerConflict", message: 'conflict with "editor" using networking.istio.io/v1', field: ".spec.resolution" }] },
    });
  });

  it("conflicts with an applier name it without a version; several are grouped by manager", () => {
    const status = statusOf(() => apply(live, seConfig(["hosts: [z]", "resolution: NONE"]), "rival"));
    expect(status.message).toBe('Apply failed with 2 conflicts: conflicts with "kubectl":\n- .spec.hosts\n- .spec.resolution');
    expect(status.details?.causes).toEqual([
      { reason: "FieldManagerConflict", message: 'conflict with "kubectl"', field: ".spec.hosts" },
      { reason: "FieldManagerConflict", message: 'conflict with "kubectl"', field: ".spec.resolution" },
    ]);
  });

  it("conflicts inside a keyed list item name the item by its key", () => {
    const status = statusOf(() => apply(live, seConfig(["ports:", "- {name: http, number: 81}"]), "rival"));
    expect(status.details?.causes?.[0]?.field).toBe('.spec.ports[name="http"].number');
  });

  it("force=true takes ownership from the other manager", () => {
    const forced = apply(edited, seConfig(["resolution: NONE"]), "kubectl", { force: true });
    expect(forced.spec).toMatchObject({ resolution: "NONE" });
    const managers = forced.metadata.managedFields?.map((e) => e.manager);
    expect(managers).not.toContain("editor");
  });
});

describe("kubectl's client-side to server-side apply bridge", () => {
  const lastApplied = JSON.stringify({ apiVersion: "networking.istio.io/v1", kind: "ServiceEntry", metadata: { name: "se1", namespace: "ns" }, spec: { hosts: ["a.example"], resolution: "DNS" } });
  const csa: KubeObject = computePatch({
    type: serviceEntryType, existing: undefined, contentType: APPLY, fieldManager: "seed", now: T0,
    body: yamlBody(["apiVersion: networking.istio.io/v1", "kind: ServiceEntry", "metadata: {name: se1, namespace: ns}", "spec: {location: MESH_EXTERNAL}"]),
  });
  // What `kubectl apply` (client-side) leaves behind: an Update entry and the last-applied annotation.
  const live = stored(computePatch({
    type: serviceEntryType, existing: stored(csa), contentType: "application/merge-patch+json", fieldManager: "kubectl-client-side-apply", now: T0,
    body: JSON.stringify({ metadata: { annotations: { "kubectl.kubernetes.io/last-applied-configuration": lastApplied } }, spec: { hosts: ["a.example"], resolution: "DNS" } }),
  }));
  const config = (resolution: string) => seConfig(["hosts: [a.example]", `resolution: ${resolution}`]);

  it("kubectl may take fields still equal to its last-applied configuration, and the annotation follows", () => {
    const next = apply(live, config("STATIC"), "kubectl");
    expect(next.spec).toMatchObject({ resolution: "STATIC" });
    const annotation = next.metadata.annotations?.["kubectl.kubernetes.io/last-applied-configuration"] ?? "";
    expect(JSON.parse(annotation)).toMatchObject({ spec: { hosts: ["a.example"], resolution: "STATIC" } });
  });

  it("another manager gets the conflict", () => {
    expect(statusOf(() => apply(live, config("STATIC"), "other")).code).toBe(409);
  });

  it("a field changed since the last client-side apply still conflicts for kubectl", () => {
    const drifted = stored(computePatch({
      type: serviceEntryType, existing: live, contentType: "application/merge-patch+json", fieldManager: "editor", now: T1,
      body: JSON.stringify({ spec: { resolution: "NONE" } }),
    }));
    expect(statusOf(() => apply(drifted, config("STATIC"), "kubectl")).details?.causes?.map((c) => c.field)).toEqual([".spec.resolution"]);
  });
});

describe("applying to an object nobody manages yet", () => {
  const unmanaged: KubeObject = {
    apiVersion: "networking.istio.io/v1", kind: "ServiceEntry",
    metadata: { name: "se1", namespace: "ns", uid: "u-1", resourceVersion: "4" }, spec: { hosts: ["old.example"] },
  };
  it("records the existing fields for before-first-apply, so a different value conflicts", () => {
    const status = statusOf(() => apply(unmanaged, seConfig(["hosts: [new.example]"]), "applier"));
    expect(status.message).toBe('Apply failed with 1 conflict: conflict with "before-first-apply" using networking.istio.io/v1: .spec.hosts');
  });
  it("and a forced apply leaves before-first-apply with what it did not take", () => {
    const next = apply(unmanaged, seConfig(["hosts: [new.example]"], ["a: b"]), "applier", { force: true });
    expect(next.metadata.managedFields?.map((e) => e.manager)).toEqual(["applier", "before-first-apply"]);
  });
});
