// A real OpenID provider for the sign-in tests: oidc-provider 9 (a certified implementation) on 127.0.0.1, port 0,
// one static confidential client that must use PKCE S256, a `groups` claim in the ID token, and a minimal sign-in
// step (POST /interaction/<uid> with login + password) instead of the library's dev pages. Closed by the test.
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import { exportJWK, generateKeyPair } from "jose";
import Provider, { type Configuration } from "oidc-provider";

export const FIXTURE_CLIENT_ID = "eastwest-test";
export const FIXTURE_CLIENT_SECRET = "fixture-client-secret-5d1c0a9e7b";
export const FIXTURE_REDIRECT_URI = "http://127.0.0.1:3999/auth/callback";
export const FIXTURE_ACCOUNTS: Record<string, { password: string; groups: string[] }> = {
  alice: { password: "alice-pass", groups: ["ops"] },
  victor: { password: "victor-pass", groups: [] },
};

export type FixtureProvider = { issuer: string; close: () => Promise<void> };

async function configuration(): Promise<Configuration> {
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  return {
    clients: [{ client_id: FIXTURE_CLIENT_ID, client_secret: FIXTURE_CLIENT_SECRET, redirect_uris: [FIXTURE_REDIRECT_URI], grant_types: ["authorization_code"], response_types: ["code"], token_endpoint_auth_method: "client_secret_post" }],
    jwks: { keys: [{ ...(await exportJWK(privateKey)), alg: "RS256", use: "sig", kid: "test" }] },
    cookies: { keys: [randomBytes(32).toString("hex")] },
    pkce: { required: () => true },
    claims: { openid: ["sub", "groups"], profile: ["preferred_username"] },
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, sub) => (FIXTURE_ACCOUNTS[sub] ? { accountId: sub, claims: () => ({ sub, preferred_username: sub, groups: FIXTURE_ACCOUNTS[sub]?.groups ?? [] }) } : undefined),
  };
}

async function formOf(req: IncomingMessage): Promise<URLSearchParams> {
  let body = "";
  for await (const chunk of req) body += String(chunk);
  return new URLSearchParams(body);
}

async function signInStep(provider: Provider, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  if (req.method !== "POST") return void res.writeHead(200, { "Content-Type": "text/plain" }).end(`sign in for ${details.uid}`);
  const form = await formOf(req);
  const login = form.get("login") ?? "";
  if (FIXTURE_ACCOUNTS[login]?.password !== form.get("password")) return void res.writeHead(401).end("wrong password");
  // First-party client: consent comes with the sign-in.
  const grant = new provider.Grant({ accountId: login, clientId: String(details.params.client_id) });
  grant.addOIDCScope(String(details.params.scope ?? "openid"));
  await provider.interactionFinished(req, res, { login: { accountId: login }, consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: false });
}

export async function startFixtureProvider(): Promise<FixtureProvider> {
  // The issuer names the port, so the provider is made once the server listens; until then requests get 503.
  const ready: { provider?: Provider; callback?: ReturnType<Provider["callback"]> } = {};
  const server: Server = createServer((req, res) => {
    const { provider, callback } = ready;
    if (!provider || !callback) return void res.writeHead(503).end();
    if (/^\/interaction\/[^/?]+/.test(req.url ?? "")) return void signInStep(provider, req, res).catch(() => res.writeHead(400).end("interaction failed"));
    void callback(req, res);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  ready.provider = new Provider(issuer, await configuration());
  ready.callback = ready.provider.callback();
  return {
    issuer,
    close: async () => {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    },
  };
}
