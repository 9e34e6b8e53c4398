import { describe, expect, it } from "vitest";
import { objectsOf, obj } from "@/lib/fleet/snapshot-fixtures";
import type { CachedObject } from "@/lib/fleet/snapshot-types";
import { byNamespace, destinationRulesFor, selected, serviceEntriesFor, workloadEntryLabels } from "./object-index";

const DETAILS = "details.bookinfo.svc.cluster.local";
const names = (list: readonly CachedObject[]) => list.map((o) => o.metadata.name).sort();

describe("per-map indexes", () => {
  const objects = objectsOf([
    obj("ServiceEntry", "exact", { namespace: "istio-system", spec: { hosts: [DETAILS] } }),
    obj("ServiceEntry", "wild", { namespace: "istio-system", spec: { hosts: ["*.bookinfo.svc.cluster.local"] } }),
    obj("ServiceEntry", "other", { namespace: "istio-system", spec: { hosts: ["reviews.bookinfo.svc.cluster.local"] } }),
    obj("DestinationRule", "short", { namespace: "bookinfo", spec: { host: "details" } }),
    obj("DestinationRule", "short-elsewhere", { namespace: "other", spec: { host: "details" } }),
    obj("DestinationRule", "full", { namespace: "xcp-multicluster", spec: { host: DETAILS } }),
    obj("WorkloadEntry", "spec-labels", { namespace: "bookinfo", spec: { labels: { app: "details" } } }),
    obj("WorkloadEntry", "meta-wins", { namespace: "bookinfo", labels: { app: "reviews" }, spec: { labels: { app: "details" } } }),
    obj("WorkloadEntry", "other-ns", { namespace: "other", labels: { app: "details" } }),
  ]);

  it("ServiceEntries by host, wildcards as Istio matches them", () => {
    expect(names(serviceEntriesFor(objects.ServiceEntry, DETAILS))).toEqual(["exact", "wild"]);
  });

  it("DestinationRules by expanded host: a short host means the rule's own namespace", () => {
    expect(names(destinationRulesFor(objects.DestinationRule, DETAILS))).toEqual(["full", "short"]);
  });

  it("WorkloadEntries a selector picks in one namespace, metadata labels over spec labels", () => {
    expect(names(selected(objects.WorkloadEntry, "bookinfo", { app: "details" }, workloadEntryLabels))).toEqual(["spec-labels"]);
    expect(selected(objects.WorkloadEntry, "bookinfo", {}, workloadEntryLabels)).toEqual([]);
  });

  it("one index per map, kept while the map is", () => {
    expect(byNamespace(objects.WorkloadEntry)).toBe(byNamespace(objects.WorkloadEntry));
    expect(byNamespace(objectsOf([]).WorkloadEntry)).not.toBe(byNamespace(objects.WorkloadEntry));
  });
});
