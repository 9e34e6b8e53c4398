import { describe, expect, it } from "vitest";
import { isDnsSubdomain } from "./dns";
import { destinationRuleName, passthroughGatewayName, serviceEntryName, shadowHash, shadowWorkloadEntryName } from "./object-names";

describe("shadow WorkloadEntry names", () => {
  const hash = "fc556d47e94d1cb435e513fa016c2243";

  it.each([
    [0, "k-details-fc556d47e94d1cb435e513fa016c2243"],
    [1, "k-details-fc556d47e94d1cb435e513fa016c2243-2"],
    [2, "k-details-fc556d47e94d1cb435e513fa016c2243-3"],
    [9, "k-details-fc556d47e94d1cb435e513fa016c2243-10"],
  ])("index %i → %s", (index, expected) => {
    const name = shadowWorkloadEntryName("details", hash, index);
    expect(name).toBe(expected);
    expect(isDnsSubdomain(name)).toBe(true);
  });

  it("hashes <sourceCluster>/<namespace>/<service> with MD5", () => {
    // md5("east/bookinfo/details"), computed with GNU md5sum.
    expect(shadowHash("east", "bookinfo", "details")).toBe("b008e3c3b5340940f314153ba5ed04cf");
  });

  it.each([
    [["east", "bookinfo", "details"], ["west", "bookinfo", "details"]],
    [["east", "bookinfo", "details"], ["east", "other", "details"]],
    [["east", "bookinfo", "details"], ["east", "bookinfo", "reviews"]],
  ])("differs between %j and %j", (a, b) => {
    const [ca = "", na = "", sa = ""] = a;
    const [cb = "", nb = "", sb = ""] = b;
    expect(shadowHash(ca, na, sa)).not.toBe(shadowHash(cb, nb, sb));
  });
});

describe("generated object names", () => {
  it.each([
    [serviceEntryName, "global-gwinternal-details-bookinfo-svc-cluster-local"],
    [destinationRuleName, "global-gwinternal-details-bookinfo-svc-cluster-local"],
  ])("%o spells XCP's name", (fn, expected) => {
    expect(fn("details.bookinfo.svc.cluster.local")).toBe(expected);
  });

  it("names the passthrough Gateway after the east-west gateway", () => {
    expect(passthroughGatewayName("eastwest-gateway")).toBe("eastwest-gateway-passthrough");
  });
});
