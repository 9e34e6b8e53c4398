import { describe, expect, it } from "vitest";
import { parseTrustedPeers } from "./trusted-peers";

function peers(value: string) {
  const parsed = parseTrustedPeers(value);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.peers;
}

describe("parseTrustedPeers", () => {
  it.each<[string, string | undefined, boolean]>([
    ["127.0.0.2/32", "127.0.0.2", true],
    ["127.0.0.2/32", "127.0.0.1", false],
    ["127.0.0.2", "::ffff:127.0.0.2", true],
    ["10.0.0.0/8", "10.200.3.4", true],
    ["10.0.0.0/8", "11.0.0.1", false],
    ["10.0.0.0/8, fd00::/8", "fd12::7", true],
    ["::1", "::1", true],
    ["::1", "127.0.0.1", false],
    ["10.0.0.0/8", undefined, false],
    ["10.0.0.0/8", "not-an-ip", false],
  ])("%s trusts %s → %s", (list, address, expected) => {
    expect(peers(list).trusts(address)).toBe(expected);
  });

  it.each([
    ["", /must list/],
    [" , ", /must list/],
    ["proxy.internal", /"proxy.internal" is not an IP/],
    ["0.0.0.0/0", /prefix of 1 or more/],
    ["10.0.0.0/33", /not an IP/],
    ["10.0.0.0/8/1", /not an IP/],
    ["10.0.0.0/x", /not an IP/],
  ])("refuses %j", (value, message) => {
    const parsed = parseTrustedPeers(value);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });
});
