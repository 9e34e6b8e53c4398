import { describe, expect, it } from "vitest";
import { hasSettled, livenessAnswer, probeResponse, readinessAnswer } from "./probes";

describe("probes", () => {
  it("liveness is a plain ok", () => {
    expect(livenessAnswer()).toEqual({ status: 200, body: "ok\n" });
  });

  it.each([
    [true, 200],
    [false, 503],
  ] as const)("readiness with the first sync settled=%s is %i", (settled, status) => {
    expect(readinessAnswer(settled).status).toBe(status);
  });

  it.each<[string, () => Promise<unknown>, boolean]>([
    ["resolved", () => Promise.resolve(1), true],
    ["rejected", () => Promise.reject(new Error("no")), true],
    ["pending", () => new Promise(() => {}), false],
  ])("hasSettled: %s", async (_name, make, expected) => {
    expect(await hasSettled(make())).toBe(expected);
  });

  it("answers text that no browser sniffs and no cache keeps", async () => {
    const res = probeResponse(readinessAnswer(false));
    expect(res.status).toBe(503);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await res.text()).toMatch(/^starting/);
  });
});
