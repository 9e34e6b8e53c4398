import { describe, expect, it } from "vitest";
import type { KubeObject } from "../apiserver/types";
import { MeshIndex } from "./mesh-index";
import { destinationRuleFor } from "./mesh-rules";
import { visible } from "./mesh-service-entries";

const FQDN = "details.bookinfo.svc.cluster.local";

function rule(namespace: string, name: string, host: string, created = "2026-01-01T00:00:00Z"): KubeObject {
  return { apiVersion: "networking.istio.io/v1", kind: "DestinationRule", metadata: { name, namespace, creationTimestamp: created }, spec: { host } };
}

function indexOf(...rules: KubeObject[]): MeshIndex {
  const index = new MeshIndex();
  for (const r of rules) index.apply("DestinationRule", { type: "ADDED", object: r, resourceVersion: 1 });
  return index;
}

const picked = (index: MeshIndex, fqdn = FQDN): string | undefined => {
  const r = destinationRuleFor(index, fqdn, "bookinfo");
  return r && `${r.metadata.namespace}/${r.metadata.name}`;
};

describe("which DestinationRule applies", () => {
  it.each([
    ["an exact host over wildcards", [rule("bookinfo", "all", "*.bookinfo.svc.cluster.local"), rule("x", "exact", FQDN), rule("x", "any", "*")], "x/exact"],
    ["a short name resolved in the rule's namespace", [rule("bookinfo", "short", "details"), rule("other", "short-elsewhere", "details")], "bookinfo/short"],
    ["the longest wildcard suffix", [rule("x", "svc", "*.svc.cluster.local"), rule("x", "ns", "*.bookinfo.svc.cluster.local")], "x/ns"],
    ["'*' when nothing else matches", [rule("x", "any", "*"), rule("x", "other", "ratings.bookinfo.svc.cluster.local")], "x/any"],
    ["the service's namespace, then istio-system, then the oldest", [rule("zz", "old", FQDN, "2020-01-01T00:00:00Z"), rule("istio-system", "root", FQDN), rule("bookinfo", "own", FQDN)], "bookinfo/own"],
    ["istio-system before other namespaces", [rule("aa", "old", FQDN, "2020-01-01T00:00:00Z"), rule("istio-system", "root", FQDN)], "istio-system/root"],
  ])("prefers %s", (_, rules, expected) => {
    expect(picked(indexOf(...rules))).toBe(expected);
  });

  it("forgets a deleted rule and follows a changed host", () => {
    const exact = rule("x", "exact", FQDN);
    const index = indexOf(exact, rule("x", "any", "*"));
    index.apply("DestinationRule", { type: "DELETED", object: exact, resourceVersion: 2 });
    expect(picked(index)).toBe("x/any");
    index.apply("DestinationRule", { type: "MODIFIED", object: { ...rule("x", "any", "ratings.bookinfo.svc.cluster.local") }, resourceVersion: 3 });
    expect(picked(index)).toBeUndefined();
    expect(picked(index, "ratings.bookinfo.svc.cluster.local")).toBe("x/any");
  });
});

describe("ServiceEntry visibility", () => {
  const se = (exportTo?: string[]): KubeObject => ({
    apiVersion: "networking.istio.io/v1", kind: "ServiceEntry", metadata: { name: "e", namespace: "xcp-multicluster" }, spec: { hosts: [FQDN], ...(exportTo ? { exportTo } : {}) },
  });
  it.each([
    [undefined, true],
    [["*"], true],
    [["."], true],
    [["xcp-multicluster"], true],
    [["bookinfo"], false],
  ])("exportTo %j → visible %s", (exportTo, expected) => expect(visible(se(exportTo))).toBe(expected));
});
