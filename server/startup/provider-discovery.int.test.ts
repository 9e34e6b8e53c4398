// The start-up look at the OpenID provider: a line saying it answered, or why it cannot be reached (no exit: the
// provider may start after the console, and each sign-in tries again).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFixtureProvider, type FixtureProvider } from "@/server/auth/test/oidc-provider-fixture";
import { oidcTestSettings } from "@/server/auth/test/settings-fixture";
import { discoverProvider } from "./settings-check";

let idp: FixtureProvider;
beforeAll(async () => {
  idp = await startFixtureProvider();
});
afterAll(() => idp.close());

describe("discoverProvider", () => {
  it("says the provider answered and announces PKCE S256", async () => {
    const lines: string[] = [];
    await discoverProvider(oidcTestSettings({ EASTWEST_OIDC_ISSUER: idp.issuer }), (line) => lines.push(line));
    expect(lines).toEqual([`auth: oidc provider ${idp.issuer} answered; PKCE S256 supported`]);
  });

  it("says when the provider cannot be reached", async () => {
    const lines: string[] = [];
    // Port 1 on loopback: nothing listens there (connection refused at once).
    await discoverProvider(oidcTestSettings({ EASTWEST_OIDC_ISSUER: "http://127.0.0.1:1" }), (line) => lines.push(line));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^auth: oidc provider http:\/\/127\.0\.0\.1:1 cannot be reached yet \(.+\); sign-ins fail until it answers$/);
  });
});

describe("what start-up shares with the sign-in routes", () => {
  it("is the provider's metadata as plain data, not an openid-client object (each Next bundle has its own copy of the library, which checks its objects with instanceof)", async () => {
    const { providerMetadata } = await import("@/server/auth/oidc-client");
    const metadata = await providerMetadata(oidcTestSettings({ EASTWEST_OIDC_ISSUER: idp.issuer }));
    expect(Object.getPrototypeOf(metadata)).toBe(Object.prototype);
    expect(structuredClone(metadata)).toEqual(metadata);
    expect(metadata.issuer).toBe(idp.issuer);
  });
});
