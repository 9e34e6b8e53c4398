import { describe, expect, it } from "vitest";
import { gatewayDnsName, gatewayHostsAdmit, hostSubsetOf } from "./gateway-hosts";

const DETAILS = "details.bookinfo.svc.cluster.local";

describe("gatewayDnsName", () => {
  it.each([
    ["details.bookinfo.svc.cluster.local", "details.bookinfo.svc.cluster.local"],
    ["bookinfo/details.bookinfo.svc.cluster.local", "details.bookinfo.svc.cluster.local"],
    ["./*.local", "*.local"],
    ["*/*", "*"],
    ["a/b/c", "b"],
  ])("%s → %s", (entry, dns) => {
    expect(gatewayDnsName(entry)).toBe(dns);
  });
});

describe("hostSubsetOf (Istio host.Name.SubsetOf)", () => {
  it.each([
    [DETAILS, "*", true],
    [DETAILS, "*.local", true],
    [DETAILS, "*.svc.cluster.local", true],
    [DETAILS, "*.bookinfo.svc.cluster.local", true],
    [DETAILS, "*.sleep.svc.cluster.local", false],
    [DETAILS, DETAILS, true],
    [DETAILS, "details.bookinfo", false],
    [DETAILS, "Details.bookinfo.svc.cluster.local", false],
    [DETAILS, "*.global", false],
    ["cluster.local", "*.cluster.local", false],
    ["*.bookinfo.svc.cluster.local", "*.local", true],
    ["*.local", "*.svc.cluster.local", false],
    ["*.local", DETAILS, false],
    ["*", "*", true],
  ])("%s ⊆ %s: %s", (hostname, pattern, expected) => {
    expect(hostSubsetOf(hostname, pattern)).toBe(expected);
  });
});

describe("gatewayHostsAdmit", () => {
  it.each([
    [["*.local"], true],
    [["*"], true],
    [["*/*.local"], true],
    [["bookinfo/*.svc.cluster.local"], true],
    // The namespace part does not restrict AUTO_PASSTHROUGH: istiod drops it before matching SNI hosts.
    [["sleep/details.bookinfo.svc.cluster.local"], true],
    [["./details.bookinfo.svc.cluster.local"], true],
    [["reviews.bookinfo.svc.cluster.local", "*.sleep.svc.cluster.local"], false],
    [["reviews.bookinfo.svc.cluster.local", DETAILS], true],
    [["*.global"], false],
    [[], false],
  ])("%j admits details: %s", (hosts, expected) => {
    expect(gatewayHostsAdmit(hosts, DETAILS)).toBe(expected);
  });
});
