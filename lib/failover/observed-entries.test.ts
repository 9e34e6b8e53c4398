import { describe, expect, it } from "vitest";
import type { ObservedObject } from "@/lib/registry/types";
import { serviceEntriesOf, shadowEntriesOf, type Selecting } from "./observed-entries";

const DETAILS = "details.bookinfo.svc.cluster.local";
const REVIEWS = "reviews.bookinfo.svc.cluster.local";

function object(kind: ObservedObject["kind"], namespace: string, spec: unknown, labels: Record<string, string> = {}): ObservedObject {
  return { kind, namespace, name: "entry", uid: "", resourceVersion: "1", labels, annotations: {}, spec, managers: [] };
}

const we = (namespace: string, address: string, specLabels: Record<string, string>, metaLabels: Record<string, string> = {}) =>
  object("WorkloadEntry", namespace, { address, labels: specLabels }, metaLabels);

const services: Selecting[] = [
  { fqdn: DETAILS, namespace: "bookinfo", selector: { app: "details" } },
  { fqdn: REVIEWS, namespace: "bookinfo", selector: { app: "reviews", tier: "back" } },
  { fqdn: "bare.bookinfo.svc.cluster.local", namespace: "bookinfo", selector: {} },
];

describe("shadowEntriesOf", () => {
  it.each<[string, ObservedObject[], Record<string, string[]>]>([
    ["selected by spec labels", [we("bookinfo", "10.0.2.1", { app: "details", "security.istio.io/tlsMode": "istio" })], { [DETAILS]: ["10.0.2.1"] }],
    ["every selector label needed", [we("bookinfo", "10.0.2.1", { app: "reviews" }), we("bookinfo", "10.0.2.2", { app: "reviews", tier: "back" })], { [REVIEWS]: ["10.0.2.2"] }],
    ["metadata labels count too, and win over spec", [we("bookinfo", "10.0.2.1", { app: "details" }, { app: "other" }), we("bookinfo", "10.0.2.2", {}, { app: "details" })], { [DETAILS]: ["10.0.2.2"] }],
    ["another namespace is never selected", [we("other", "10.0.2.1", { app: "details" })], {}],
    ["an entry without an address is no endpoint", [object("WorkloadEntry", "bookinfo", { labels: { app: "details" } })], {}],
  ])("%s", (_, objects, expected) => {
    expect(Object.fromEntries(shadowEntriesOf(objects, services).map((s) => [s.fqdn, s.addresses]))).toEqual(expected);
  });
});

describe("serviceEntriesOf", () => {
  it("keeps the workspace's hosts and every endpoint address", () => {
    const objects = [
      object("ServiceEntry", "xcp-multicluster", { hosts: [DETAILS, "api.example.com"], endpoints: [{ address: "10.0.2.1" }, { address: "10.0.3.1" }, {}] }),
      object("ServiceEntry", "default", { hosts: ["api.example.com"], endpoints: [{ address: "1.2.3.4" }] }),
      object("WorkloadEntry", "bookinfo", { address: "10.0.9.9", labels: { app: "details" } }),
    ];
    expect(serviceEntriesOf(objects, new Set([DETAILS, REVIEWS]))).toEqual([{ hosts: [DETAILS], addresses: ["10.0.2.1", "10.0.3.1"] }]);
  });
});
