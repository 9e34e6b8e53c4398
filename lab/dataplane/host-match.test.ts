import { describe, expect, it } from "vitest";
import { canonicalHost, hostMatchScore, parseServiceHost, resolveShortName } from "./host-match";

describe("Service host forms", () => {
  it.each([
    ["details.bookinfo", "details.bookinfo.svc.cluster.local"],
    ["details.bookinfo.svc", "details.bookinfo.svc.cluster.local"],
    ["details.bookinfo.svc.cluster.local", "details.bookinfo.svc.cluster.local"],
    ["Details.Bookinfo.svc.cluster.local.", "details.bookinfo.svc.cluster.local"],
  ])("%s names the Service %s", (host, fqdn) => {
    expect(parseServiceHost(host)).toEqual({ fqdn, service: "details", namespace: "bookinfo" });
  });

  it.each(["details", "details.bookinfo.svc.cluster", "api.example.com", "details.bookinfo.svc.other.local", "-x.bookinfo", "a..b"])(
    "%s is not a Service name",
    (host) => expect(parseServiceHost(host)).toBeUndefined(),
  );

  it("keeps other hosts as they are, lower-cased", () => {
    expect(canonicalHost("API.example.com.")).toBe("api.example.com");
    expect(canonicalHost("details.bookinfo")).toBe("details.bookinfo.svc.cluster.local");
  });
});

describe("rule hosts", () => {
  it.each([
    ["details", "bookinfo", "details.bookinfo.svc.cluster.local"],
    ["details.bookinfo.svc.cluster.local", "istio-system", "details.bookinfo.svc.cluster.local"],
    ["*.bookinfo.svc.cluster.local", "x", "*.bookinfo.svc.cluster.local"],
    ["*", "x", "*"],
  ])("%s in %s resolves to %s", (host, ns, fqdn) => expect(resolveShortName(host, ns)).toBe(fqdn));

  it("scores an exact name above a long wildcard above a short one above *", () => {
    const fqdn = "details.bookinfo.svc.cluster.local";
    const scores = ["details.bookinfo.svc.cluster.local", "*.bookinfo.svc.cluster.local", "*.cluster.local", "*"].map((p) => hostMatchScore(p, fqdn));
    expect(scores.every((s) => s > 0)).toBe(true);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(hostMatchScore("*.other.svc.cluster.local", fqdn)).toBe(0);
    expect(hostMatchScore("ratings.bookinfo.svc.cluster.local", fqdn)).toBe(0);
    expect(hostMatchScore("*.bookinfo.svc.cluster.local", ".bookinfo.svc.cluster.local")).toBe(0);
  });
});
