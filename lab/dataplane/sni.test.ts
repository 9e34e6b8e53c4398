import { describe, expect, it } from "vitest";
import { outboundSni, parseOutboundSni } from "./sni";

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
