import { describe, expect, it } from "vitest";
import { isLoopbackHost, listenVerdict } from "./loopback";

describe("isLoopbackHost", () => {
  it.each([
    ["127.0.0.1", true],
    ["127.1.2.3", true],
    ["localhost", true],
    ["LOCALHOST", true],
    ["::1", true],
    ["[::1]", true],
    ["::ffff:127.0.0.1", true],
    ["0.0.0.0", false],
    ["::", false],
    ["", false],
    ["192.168.1.10", false],
    ["10.0.0.1", false],
    ["128.0.0.1", false],
    ["127.0.0.256", false],
    ["127.0.0", false],
    ["localhost.example", false],
    ["fe80::1", false],
    ["::ffff:10.0.0.1", false],
  ])("%j → %s", (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });
});

describe("listenVerdict", () => {
  it.each([
    [["127.0.0.1"], true],
    [["::1", "127.0.0.1"], true],
    [["0.0.0.0"], false],
    [["::"], false],
    [[""], false],
    [["127.0.0.1", "192.168.1.10"], false],
  ])("%j → %s", (addresses, ok) => {
    expect(listenVerdict(addresses, "none").ok).toBe(ok);
  });

  it("says why, names the address, and what to do", () => {
    const verdict = listenVerdict(["0.0.0.0"], "none");
    expect(verdict.ok ? "" : verdict.message).toBe(
      "Eastwest Console refuses to listen on 0.0.0.0 (every interface): no authentication is configured (EASTWEST_AUTH_MODE=none), " +
        "so anyone who could reach it there could change every cluster in its kubeconfig. Listen on loopback instead " +
        "(next start -H 127.0.0.1, or HOST=127.0.0.1 npm run demo), or sign people in: EASTWEST_AUTH_MODE=proxy or oidc " +
        "(docs/auth.md).",
    );
  });

  it.each([["proxy"], ["oidc"]] as const)("mode %s may listen on every interface (each request is authenticated)", (mode) => {
    expect(listenVerdict(["0.0.0.0", "::"], mode)).toEqual({ ok: true });
  });
});
