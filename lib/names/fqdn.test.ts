import { describe, expect, it } from "vitest";
import { dashedFqdn, expandHost, hostCovers, parseServiceFqdn, serviceFqdn } from "./fqdn";

describe("service FQDNs", () => {
  it("spells <service>.<namespace>.svc.cluster.local", () => {
    expect(serviceFqdn({ namespace: "bookinfo", name: "details" })).toBe("details.bookinfo.svc.cluster.local");
  });

  it.each([
    ["details.bookinfo.svc.cluster.local", { namespace: "bookinfo", name: "details" }],
    ["details.bookinfo", undefined],
    ["details.bookinfo.svc.cluster.remote", undefined],
    ["details.bookinfo.pod.cluster.local", undefined],
    ["Details.bookinfo.svc.cluster.local", undefined],
    ["*.bookinfo.svc.cluster.local", undefined],
    ["", undefined],
  ])("parses %j", (fqdn, expected) => {
    expect(parseServiceFqdn(fqdn)).toEqual(expected);
  });

  it("dashes dots the way XCP names its objects", () => {
    expect(dashedFqdn("details.bookinfo.svc.cluster.local")).toBe("details-bookinfo-svc-cluster-local");
  });
});

describe("Istio host expansion", () => {
  it.each([
    ["details", "bookinfo", "details.bookinfo.svc.cluster.local"],
    ["details.bookinfo", "other", "details.bookinfo.svc.cluster.local"],
    ["details.bookinfo.svc.cluster.local", "other", "details.bookinfo.svc.cluster.local"],
    ["*.bookinfo.svc.cluster.local", "x", "*.bookinfo.svc.cluster.local"],
  ])("%j in %s → %s", (host, ns, expected) => {
    expect(expandHost(host, ns)).toBe(expected);
  });

  it.each([
    ["details", "bookinfo", true],
    ["details", "other", false],
    ["details.bookinfo", "xcp-multicluster", true],
    ["reviews.bookinfo.svc.cluster.local", "bookinfo", false],
    ["*.bookinfo.svc.cluster.local", "bookinfo", true],
    ["*.other.svc.cluster.local", "bookinfo", false],
    ["*", "bookinfo", true],
  ])("host %j in %s covers details.bookinfo: %s", (host, ns, expected) => {
    expect(hostCovers(host, ns, "details.bookinfo.svc.cluster.local")).toBe(expected);
  });
});
