import { describe, expect, it } from "vitest";
import { isAllowedHost, parseHostPort } from "./host";

const DEFAULTS = ["localhost", "127.0.0.1", "[::1]"];

describe("parseHostPort", () => {
  it.each([
    ["localhost", { name: "localhost", port: undefined }],
    ["LocalHost:3000", { name: "localhost", port: "3000" }],
    ["127.0.0.1:080", { name: "127.0.0.1", port: "80" }],
    ["[::1]", { name: "[::1]", port: undefined }],
    ["[::1]:3000", { name: "[::1]", port: "3000" }],
    ["", undefined],
    ["::1", undefined],
    ["[::1", undefined],
    ["[::1]x", undefined],
    ["localhost:", undefined],
    ["localhost:99999", undefined],
    ["localhost:3000:1", undefined],
    ["user@localhost", undefined],
    ["localhost/path", undefined],
    ["localhost, evil.example", undefined],
  ])("%j", (value, expected) => {
    expect(parseHostPort(value)).toEqual(expected);
  });
});

describe("isAllowedHost", () => {
  it.each([
    ["127.0.0.1:3102", DEFAULTS, true],
    ["localhost:3000", DEFAULTS, true],
    ["LOCALHOST", DEFAULTS, true],
    ["[::1]:3000", DEFAULTS, true],
    // DNS rebinding: the attacker's name resolving to loopback still arrives with the attacker's name.
    ["rebind.attacker.example:3102", DEFAULTS, false],
    ["rebind.attacker.example", DEFAULTS, false],
    ["localhost.attacker.example", DEFAULTS, false],
    ["127.0.0.2:3000", DEFAULTS, false],
    ["0.0.0.0:3000", DEFAULTS, false],
    [null, DEFAULTS, false],
    ["", DEFAULTS, false],
    // name:port entries pin the port; bare names accept any port.
    ["console.internal:8443", ["console.internal:8443"], true],
    ["console.internal:8444", ["console.internal:8443"], false],
    ["console.internal", ["console.internal:8443"], false],
    ["console.internal:1", ["console.internal"], true],
    ["localhost:3000", [], false],
  ])("%j with %j → %s", (host, allowed, expected) => {
    expect(isAllowedHost(host, allowed)).toBe(expected);
  });
});
