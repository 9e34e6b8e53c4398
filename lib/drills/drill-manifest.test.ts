import { describe, expect, it } from "vitest";
import { drillManifest, drillName } from "./drill-manifest";

describe("drillName", () => {
  it.each([
    ["details", "2026-12-05T01:02:03.999Z", "details-20261205-010203"],
    ["reviews", "2026-01-09T23:59:59Z", "reviews-20260109-235959"],
    ["ratings", "2026-12-05T01:02:03+05:00", "ratings-20261204-200203"],
  ])("%s at %s → %s", (service, at, name) => {
    expect(drillName(service, Date.parse(at))).toBe(name);
  });

  it("adds the suffix, and cuts a long service name so the whole stays a valid object name", () => {
    expect(drillName("details", Date.parse("2026-12-05T01:02:03Z"), "k3f9")).toBe("details-20261205-010203-k3f9");
    const long = drillName("s".repeat(63), Date.parse("2026-12-05T01:02:03Z"), "k3f9");
    expect(long).toBe(`${"s".repeat(40)}-20261205-010203-k3f9`);
    expect(long.length).toBeLessThanOrEqual(63);
  });
});

describe("drillManifest", () => {
  const at = Date.parse("2026-12-05T01:02:03Z");

  it("builds the object the button creates, with the schema's defaults", () => {
    expect(drillManifest({ namespace: "bookinfo", service: "details", fault: "ScaleToZero", maxDuration: "2m" }, at)).toEqual({ ok: true, drill: {
      apiVersion: "eastwest.dev/v1alpha1",
      kind: "FailoverDrill",
      metadata: {
        name: "details-20261205-010203",
        namespace: "bookinfo",
        labels: { "app.kubernetes.io/managed-by": "eastwest-console", "eastwest.dev/service": "details" },
      },
      spec: { service: "details", fault: "ScaleToZero", maxDuration: "2m", stopCondition: { errorRateAbove: 0.5, forSeconds: 10 }, abort: false },
    } });
  });

  it("keeps a given stop condition and fault", () => {
    const result = drillManifest({ namespace: "bookinfo", service: "reviews", fault: "FailRequests", maxDuration: "90s", stopCondition: { errorRateAbove: 0.2, forSeconds: 5 } }, at);
    expect(result.ok && result.drill.spec).toEqual({ service: "reviews", fault: "FailRequests", maxDuration: "90s", stopCondition: { errorRateAbove: 0.2, forSeconds: 5 }, abort: false });
  });

  it("refuses what the schema refuses", () => {
    expect(drillManifest({ namespace: "bookinfo", service: "", fault: "ScaleToZero", maxDuration: "2m" }, at)).toEqual({ ok: false, message: expect.stringMatching(/^not a valid drill: spec\.service: /) });
  });
});
