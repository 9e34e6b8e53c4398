import { describe, expect, it } from "vitest";
import { outboundSni, parseOutboundSni, podLoopbackAddress } from "./addresses";

describe("podLoopbackAddress", () => {
  it.each([
    [0, "10.244.0.2", "127.200.0.2"],
    [2, "10.244.3.254", "127.202.3.254"],
    [54, "10.244.255.1", "127.254.255.1"],
    [55, "10.244.0.2", undefined],
    [-1, "10.244.0.2", undefined],
    [0, "10.245.0.2", undefined],
    [0, "10.244.0.0", undefined],
    [0, "10.244.0.255", undefined],
    [0, "not an ip", undefined],
  ])("cluster %i, pod %s → %s", (index, ip, expected) => {
    expect(podLoopbackAddress(index, ip)).toBe(expected);
  });
});

describe("outbound SNI", () => {
  it("formats and parses Istio's AUTO_PASSTHROUGH names", () => {
    const sni = outboundSni(9080, "details.bookinfo.svc.cluster.local");
    expect(sni).toBe("outbound_.9080_._.details.bookinfo.svc.cluster.local");
    expect(parseOutboundSni(sni)).toEqual({ port: 9080, subset: "", fqdn: "details.bookinfo.svc.cluster.local" });
    expect(parseOutboundSni(outboundSni(9080, "reviews.bookinfo.svc.cluster.local", "v2"))).toMatchObject({ subset: "v2" });
  });
  it.each(["inbound_.9080_._.details", "outbound_.0_._.x", "outbound_.70000_._.x", "details.bookinfo"])("refuses %s", (sni) => {
    expect(parseOutboundSni(sni)).toBeUndefined();
  });
});
