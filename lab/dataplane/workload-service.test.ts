import { describe, expect, it } from "vitest";
import type { KubeObject } from "../apiserver/types";
import { destinationServiceOf, hostFqdn } from "./workload-service";
import type { ServedPod } from "./workload-identity";

const pod: ServedPod = { uid: "u", namespace: "bookinfo", name: "details-v1-x", address: "127.9.1.2", ports: [9080], labels: { app: "details", version: "v1" }, workload: "details-v1", terminating: false };
const svc = (name: string, selector?: Record<string, string>): KubeObject => ({ apiVersion: "v1", kind: "Service", metadata: { name, namespace: "bookinfo" }, spec: selector ? { selector } : {} });

describe("destination service", () => {
  it.each([
    ["details", "details.bookinfo.svc.cluster.local"],
    ["details.other", "details.other.svc.cluster.local"],
    ["details.other.svc", "details.other.svc.cluster.local"],
    ["details.bookinfo.svc.cluster.local", "details.bookinfo.svc.cluster.local"],
    ["api.example.com", "api.example.com"],
  ])("host %s → %s", (host, expected) => {
    expect(hostFqdn(host, "bookinfo")).toBe(expected);
  });

  it.each([
    ["Details.Bookinfo.svc.cluster.local:9080", "details.bookinfo.svc.cluster.local"],
    ["127.9.1.2:9080", "details.bookinfo.svc.cluster.local"],
    ["[::1]:9080", "details.bookinfo.svc.cluster.local"],
    [undefined, "details.bookinfo.svc.cluster.local"],
  ])("Host header %s → %s", (host, expected) => {
    const services = [svc("ratings", { app: "ratings" }), svc("zz-details", { app: "details" }), svc("details", { app: "details" }), svc("headless")];
    expect(destinationServiceOf(pod, host, services)).toBe(expected);
  });

  it("an address no Service selects is unknown", () => {
    expect(destinationServiceOf(pod, "127.9.1.2:9080", [svc("ratings", { app: "ratings" }), svc("manual")])).toBe("unknown");
  });
});
