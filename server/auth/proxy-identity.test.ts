import { describe, expect, it } from "vitest";
import type { PeerResult } from "./peer-stamp";
import { proxyIdentity, splitGroups } from "./proxy-identity";
import { parseTrustedPeers } from "./trusted-peers";

const trusted = parseTrustedPeers("10.0.0.7, fd00::/8");
if (!trusted.ok) throw new Error(trusted.message);
const settings = { trusted: trusted.peers, userHeader: "x-forwarded-user", groupsHeader: "x-forwarded-groups" };
const from = (address: string): PeerResult => ({ ok: true, address });

describe("proxyIdentity", () => {
  it("believes a trusted peer's headers", () => {
    const headers = new Headers({ "X-Forwarded-User": "alice", "X-Forwarded-Groups": "ops, devs,,ops" });
    expect(proxyIdentity(headers, from("10.0.0.7"), settings)).toEqual({ ok: true, identity: { user: "alice", groups: ["ops", "devs"] }, address: "10.0.0.7" });
  });

  it("joins several group lines", () => {
    const headers = new Headers([["x-forwarded-user", "alice"], ["x-forwarded-groups", "ops"], ["x-forwarded-groups", "devs"]]);
    expect(proxyIdentity(headers, from("fd00::1"), settings)).toMatchObject({ ok: true, identity: { groups: ["ops", "devs"] } });
  });

  it.each<[string, Headers, PeerResult, RegExp]>([
    ["an untrusted peer with perfect headers", new Headers({ "x-forwarded-user": "alice" }), from("10.0.0.8"), /did not come through the authenticating proxy \(it came from 10.0.0.8/],
    ["an unknown peer", new Headers({ "x-forwarded-user": "alice" }), { ok: false, message: "The connection's address is unknown." }, /address is unknown/],
    ["a trusted peer without a user", new Headers({ "x-forwarded-groups": "ops" }), from("10.0.0.7"), /sent no x-forwarded-user header/],
    ["a trusted peer with a blank user", new Headers({ "x-forwarded-user": "  " }), from("10.0.0.7"), /sent no x-forwarded-user/],
    ["a reserved group", new Headers({ "x-forwarded-user": "alice", "x-forwarded-groups": "system:masters" }), from("10.0.0.7"), /reserved/],
  ])("refuses %s", (_name, headers, peer, message) => {
    const result = proxyIdentity(headers, peer, settings);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});

describe("splitGroups", () => {
  it.each<[string | null, string[]]>([
    [null, []],
    ["", []],
    ["a", ["a"]],
    [" a , b ", ["a", "b"]],
  ])("%j → %j", (value, expected) => {
    expect(splitGroups(value)).toEqual(expected);
  });
});
