import { describe, expect, it } from "vitest";
import { CONTENT_HASH_ANNOTATION, MANAGED_BY_LABEL, SOURCE_CLUSTERS_ANNOTATION } from "@/lib/plan/desired";
import { claimsToBeOurs, managersOf, proveOwnership, REGISTRY_MANAGER_ENTRY, SOURCE_ANNOTATIONS, type OwnershipSubject } from "./ownership";
import type { OwnershipScope } from "./ownership-scope";

const HASH = "0123456789abcdef0123456789abcdef";
const WE_NAME = `k-details-${HASH}-2`;
const SE_NAME = "global-gwinternal-details-bookinfo-svc-cluster-local";
const scope: OwnershipScope = { workspaceNamespaces: new Set(["bookinfo"]), gateways: new Set(["bookinfo/eastwest-gateway-passthrough"]) };

const ours = (kind: OwnershipSubject["kind"], namespace: string, name: string): OwnershipSubject => ({
  kind,
  namespace,
  name,
  labels: { [MANAGED_BY_LABEL]: "eastwest-console" },
  annotations: Object.fromEntries(SOURCE_ANNOTATIONS.map((a) => [a, a === CONTENT_HASH_ANNOTATION ? HASH : "x"])),
  managers: [REGISTRY_MANAGER_ENTRY],
});
const se = ours("ServiceEntry", "xcp-multicluster", SE_NAME);
const without = (o: OwnershipSubject, change: Partial<OwnershipSubject>): OwnershipSubject => ({ ...o, ...change });

type Row = [string, OwnershipSubject, RegExp | undefined];

const rows: Row[] = [
  ["a generated ServiceEntry", se, undefined],
  ["a generated shadow WorkloadEntry", ours("WorkloadEntry", "bookinfo", WE_NAME), undefined],
  ["a generated DestinationRule in a workspace namespace", ours("DestinationRule", "bookinfo", SE_NAME), undefined],
  ["a generated DestinationRule in xcp-multicluster", ours("DestinationRule", "xcp-multicluster", SE_NAME), undefined],
  ["a generated passthrough Gateway", ours("Gateway", "bookinfo", "eastwest-gateway-passthrough"), undefined],
  ["no label", without(se, { labels: {} }), /no label app.kubernetes.io\/managed-by=eastwest-console/],
  ["someone else's managed-by value", without(se, { labels: { [MANAGED_BY_LABEL]: "helm" } }), /no label/],
  ["no source annotation", without(se, { annotations: Object.fromEntries(Object.entries(se.annotations).filter(([k]) => k !== SOURCE_CLUSTERS_ANNOTATION)) }), /no eastwest-console.io\/source-clusters annotation/],
  ["no annotations at all", without(se, { annotations: {} }), /no .*source-clusters.*content-hash annotations/],
  ["a content hash that is not one", without(se, { annotations: { ...se.annotations, [CONTENT_HASH_ANNOTATION]: "x" } }), /not a content hash/],
  ["no field manager", without(se, { managers: ["kubectl-create/Update"] }), /field manager eastwest-registry \(Apply\) is not in managedFields/],
  ["our manager name, but an Update (kubectl --field-manager)", without(se, { managers: ["eastwest-registry/Update"] }), /field manager eastwest-registry/],
  ["a ServiceEntry outside xcp-multicluster", ours("ServiceEntry", "default", SE_NAME), /in default, and the console puts ServiceEntries only in xcp-multicluster/],
  ["a ServiceEntry with a name not ours", ours("ServiceEntry", "xcp-multicluster", "payments"), /name is not one the console generates/],
  ["a WorkloadEntry in kube-system", ours("WorkloadEntry", "kube-system", WE_NAME), /kube-system is not a namespace of any workspace/],
  ["a WorkloadEntry named like a person would", ours("WorkloadEntry", "bookinfo", "details-vm"), /name is not one/],
  ["a WorkloadEntry with index 1 (never generated)", ours("WorkloadEntry", "bookinfo", `k-details-${HASH}-1`), /name is not one/],
  ["a DestinationRule in default", ours("DestinationRule", "default", SE_NAME), /default is not a namespace of any workspace/],
  ["a Gateway no east-west gateway would get", ours("Gateway", "bookinfo", "other-passthrough"), /no east-west gateway in bookinfo/],
  ["a Gateway not named -passthrough", ours("Gateway", "bookinfo", "eastwest-gateway"), /name is not one/],
];

describe("proveOwnership", () => {
  it.each(rows)("%s", (_name, subject, missing) => {
    const proof = proveOwnership(subject, scope);
    if (!missing) return void expect(proof).toEqual({ owned: true });
    expect(proof.owned).toBe(false);
    expect(proof.owned ? "" : proof.missing.join("; ")).toMatch(missing);
  });

  it("names every missing mark, not only the first", () => {
    const proof = proveOwnership({ ...ours("WorkloadEntry", "default", WE_NAME), labels: {}, managers: [] }, scope);
    expect(proof.owned ? [] : proof.missing).toHaveLength(3);
  });

  it("without a scope checks only the intrinsic marks (the adapter's view of DestinationRules)", () => {
    expect(proveOwnership(ours("DestinationRule", "anywhere", SE_NAME), undefined)).toEqual({ owned: true });
    expect(proveOwnership({ ...ours("DestinationRule", "anywhere", SE_NAME), managers: [] }, undefined).owned).toBe(false);
  });
});

describe("claimsToBeOurs", () => {
  const none: OwnershipSubject = { kind: "ServiceEntry", namespace: "default", name: "legacy", labels: {}, annotations: {}, managers: ["kubectl/Update"] };
  it.each([
    ["nothing of ours", none, false],
    ["our label", { ...none, labels: { [MANAGED_BY_LABEL]: "eastwest-console" } }, true],
    ["one of our annotations", { ...none, annotations: { [CONTENT_HASH_ANNOTATION]: HASH } }, true],
    ["our field manager, whatever the operation", { ...none, managers: ["eastwest-registry/Update"] }, true],
    ["our naming", { ...none, name: SE_NAME }, true],
  ] as const)("%s", (_name, subject, claims) => {
    expect(claimsToBeOurs(subject)).toBe(claims);
  });
});

describe("managersOf", () => {
  it.each([
    ["full entries", [{ manager: "eastwest-registry", operation: "Apply", fieldsV1: {} }, { manager: "kubectl", operation: "Update" }], ["eastwest-registry/Apply", "kubectl/Update"]],
    ["compact entries", [{ manager: "x", operation: "Apply" }], ["x/Apply"]],
    ["malformed entries are skipped", [null, "x", { operation: "Apply" }, { manager: 3 }], []],
    ["not a list", { manager: "x" }, []],
  ] as const)("%s", (_name, raw, expected) => {
    expect(managersOf(raw)).toEqual(expected);
  });
});
