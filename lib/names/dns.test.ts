import { describe, expect, it } from "vitest";
import { isDnsLabel, isDnsSubdomain, isIP, isIPv4, isIPv6, isLabelValue } from "./dns";

describe("DNS-1123 names", () => {
  it.each([
    ["details", true, true],
    ["k-details-fc556d47e94d1cb435e513fa016c2243-2", true, true],
    ["global-gwinternal-details-bookinfo-svc-cluster-local", true, true],
    ["a".repeat(63), true, true],
    ["a".repeat(64), false, false],
    ["Details", false, false],
    ["-details", false, false],
    ["details-", false, false],
    ["details.bookinfo", false, true],
    ["details..bookinfo", false, false],
    ["", false, false],
    ["under_score", false, false],
  ])("%j → label %s, subdomain %s", (value, label, subdomain) => {
    expect(isDnsLabel(value)).toBe(label);
    expect(isDnsSubdomain(value)).toBe(subdomain);
  });

  it("limits subdomains to 253 characters", () => {
    const name = Array.from({ length: 4 }, () => "a".repeat(63)).join(".");
    expect(name.length).toBe(255);
    expect(isDnsSubdomain(name)).toBe(false);
    expect(isDnsSubdomain(name.slice(2))).toBe(true);
  });
});

describe("isLabelValue", () => {
  it.each([
    ["", true],
    ["bookinfo-ws", true],
    ["v1.2_beta", true],
    ["Upper", true],
    ["details.bookinfo.svc.cluster.local", true],
    ["a".repeat(64), false],
    ["-x", false],
    ["x/y", false],
  ])("%j → %s", (value, ok) => {
    expect(isLabelValue(value)).toBe(ok);
  });
});

describe("IP addresses", () => {
  it.each([
    ["127.0.0.11", true, false],
    ["18.135.167.198", true, false],
    ["256.1.1.1", false, false],
    ["01.2.3.4", false, false],
    ["1.2.3", false, false],
    ["::1", false, true],
    ["fd00::10:1", false, true],
    ["2001:db8:0:0:0:0:0:1", false, true],
    ["::ffff:10.0.0.1", false, true],
    ["1::2::3", false, false],
    ["k8s-bookinfo-eastwest.elb.eu-west-2.amazonaws.com", false, false],
  ])("%j → v4 %s, v6 %s", (value, v4, v6) => {
    expect(isIPv4(value)).toBe(v4);
    expect(isIPv6(value)).toBe(v6);
    expect(isIP(value)).toBe(v4 || v6);
  });
});
