// A real OpenID Connect provider for the auth e2e (oidc-provider 9, the certified Node implementation), on loopback:
// authorization code + PKCE (S256, required), one static confidential client, the accounts of oidc-accounts.ts with
// a `groups` claim in the ID token and userinfo, and a plain sign-in form instead of the library's dev pages.
// It remembers every credential it hands out (codes, tokens, the client secret) so the secrets canary can look
// for them in the console's pages, API answers and logs (GET /e2e/issued; this is a test fixture, loopback only).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { randomBytes } from "node:crypto";
import { exportJWK, generateKeyPair } from "jose";
import { z } from "zod";
import Provider, { type Configuration, type KoaContextWithOIDC } from "oidc-provider";
import { OIDC_ACCOUNTS, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI } from "./oidc-accounts";
import { loginPage, logoutPage, readForm } from "./oidc-login-page";

// How the console's client authenticates at the token endpoint (openid-client's default with a secret: post).
const CLIENT_AUTH = z.enum(["client_secret_post", "client_secret_basic"]).parse(process.env.E2E_OIDC_CLIENT_AUTH ?? "client_secret_post");

export type RunningProvider = { issuer: string; server: Server; issued: () => string[]; close: () => Promise<void> };

async function configuration(): Promise<Configuration> {
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  return {
    clients: [
      {
        client_id: OIDC_CLIENT_ID,
        client_secret: OIDC_CLIENT_SECRET,
        redirect_uris: [OIDC_REDIRECT_URI],
        post_logout_redirect_uris: [OIDC_REDIRECT_URI.replace("/auth/callback", "/")],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: CLIENT_AUTH,
      },
    ],
    jwks: { keys: [{ ...(await exportJWK(privateKey)), alg: "RS256", use: "sig", kid: "e2e" }] },
    cookies: { keys: [randomBytes(32).toString("hex")] },
    pkce: { required: () => true },
    // The groups come with the `openid` scope, in the ID token too (conformIdTokenClaims off): the console may read
    // either without asking for a custom scope.
    claims: { openid: ["sub", "groups"], profile: ["name", "preferred_username"], email: ["email", "email_verified"] },
    conformIdTokenClaims: false,
    features: {
      devInteractions: { enabled: false },
      // RP-initiated logout, should the console send the browser here: one labelled button ends the provider's session.
      rpInitiatedLogout: {
        logoutSource: (ctx: KoaContextWithOIDC, form: string) => {
          ctx.type = "html";
          ctx.body = logoutPage(form);
        },
      },
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx: KoaContextWithOIDC, sub: string) => {
      const account = OIDC_ACCOUNTS.find((a) => a.login === sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: () => ({ sub, name: account.name, preferred_username: sub, email: `${sub}@example.test`, email_verified: true, groups: account.groups }),
      };
    },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
  };
}

/** Everything the token endpoint answers (code exchange): tokens the console must keep to itself. */
function recordIssued(provider: Provider, issued: Set<string>): void {
  provider.on("grant.success", (ctx: KoaContextWithOIDC) => {
    const body = ctx.body as Record<string, unknown> | undefined;
    for (const key of ["access_token", "id_token", "refresh_token"]) if (typeof body?.[key] === "string") issued.add(body[key]);
  });
  provider.on("authorization_code.saved", (code) => issued.add(code.jti));
}

async function interaction(provider: Provider, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  if (req.method === "GET") return send(res, 200, loginPage(details.uid));
  const form = await readForm(req);
  const account = OIDC_ACCOUNTS.find((a) => a.login === form.get("login"));
  if (!account || account.password !== form.get("password")) return send(res, 401, loginPage(details.uid, "Unknown user or wrong password."));
  // First-party client: consent is given with the sign-in (a grant for the scopes asked).
  const clientId = String(details.params.client_id);
  const grant = new provider.Grant({ accountId: account.login, clientId });
  grant.addOIDCScope(String(details.params.scope ?? "openid"));
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { login: { accountId: account.login }, consent: { grantId } }, { mergeWithLastSubmission: false });
}

function send(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
  res.end(html);
}

export async function startOidcProvider(port: number, host = "127.0.0.1"): Promise<RunningProvider> {
  const issuer = `http://${host}:${port}`;
  const provider = new Provider(issuer, await configuration());
  const issued = new Set<string>([OIDC_CLIENT_SECRET]);
  recordIssued(provider, issued);
  const callback = provider.callback();
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    if (path === "/e2e/issued") return void res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify([...issued]));
    if (/^\/interaction\/[^/]+$/.test(path)) {
      return void interaction(provider, req, res).catch((error: unknown) => send(res, 400, `<p>${String((error as Error).message).replace(/[<>&]/g, "")}</p>`));
    }
    void callback(req, res);
  });
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(port, host, resolve));
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { issuer, server, issued: () => [...issued], close };
}
