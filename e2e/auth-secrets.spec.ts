import { expect, test, type Page } from "@playwright/test";
import { startAuthProxy, type AuthProxy } from "./support/auth-proxy";
import { E2E_SESSION_SECRET, OIDC_CLIENT_SECRET } from "./support/oidc-accounts";
import { collectBodies, expectNoSecretIn, providerIssued, readLog, readStreamAs } from "./support/oidc-canary";
import { authLabSecrets, consoleLogPath } from "./support/oidc-lab";
import { sessionCookie, signIn, trpcMutation } from "./support/oidc-session";

// The secrets canary in modes oidc and proxy (mode none: fleet-secrets.spec.ts): no kubeconfig token or client key,
// no session secret, no OIDC client secret, no code or token the provider issued, and no session cookie value
// appears in any page, RSC payload, tRPC answer (a refused write's included), event stream, or line the console
// logged during the whole run. One file, run by both auth projects; the mode is the project's.

const WORKSPACE_PATH = "/workspaces/bookinfo-ws";
const onChange = (base: string) => `${base}/api/trpc/fleet.onChange?input=${encodeURIComponent('{"json":{}}')}`;

type Session = { base: string; streamHeaders: Record<string, string>; secrets: string[]; close: () => Promise<void> };

/** Signs in as a person the mode's way; returns where the browser talks to and what only this session knows. */
async function signedIn(page: Page, mode: "oidc" | "proxy", consoleURL: string): Promise<Session> {
  if (mode === "oidc") {
    await signIn(page, "alice", WORKSPACE_PATH);
    const cookie = await sessionCookie(page, consoleURL);
    return { base: consoleURL, streamHeaders: { Cookie: `${cookie.name}=${cookie.value}` }, secrets: [cookie.value], close: async () => {} };
  }
  const proxy: AuthProxy = await startAuthProxy(consoleURL, { user: "alice", groups: ["eastwest:platform-owners"] });
  await page.goto(`${proxy.url}${WORKSPACE_PATH}`);
  await expect(page.getByRole("region", { name: "Signed in" })).toContainText("alice");
  return { base: proxy.url, streamHeaders: {}, secrets: [], close: proxy.close };
}

test("no credential, secret or token reaches a page, an API answer, the event stream or the console's log", async ({ page, baseURL }, info) => {
  test.setTimeout(120_000);
  const mode = info.project.name === "auth-oidc" ? "oidc" : "proxy";
  const consoleURL = baseURL ?? "";
  const bodies = collectBodies(page);
  const session = await signedIn(page, mode, consoleURL);
  try {
    await page.goto(`${session.base}${WORKSPACE_PATH}`);
    await expect(page.getByRole("status", { name: "Live updates: Live" })).toBeVisible();
    const workspaceHtml = await page.content();
    await page.goto(`${session.base}/`);
    await expect(page.getByRole("heading", { level: 1, name: "Fleet overview" })).toBeVisible();
    // A write the cluster refuses and one the console refuses: their answers are checked too.
    const refused = await trpcMutation(page.request, session.base, "workspace.gatewayRemove", { workspace: "bookinfo-ws", cluster: "north", namespace: "bookinfo", name: "no-such-gateway" });
    const unauthenticated = await fetch(`${consoleURL}/api/trpc/auth.me`, { headers: { "x-forwarded-user": "alice" } });
    expect(unauthenticated.status).toBe(401);
    const stream = await readStreamAs(onChange(session.base), session.streamHeaders, 2500);
    expect(stream).toContain("fleet-reset");
    await expect.poll(() => bodies.length).toBeGreaterThan(0);

    const secrets = [...(await authLabSecrets()), E2E_SESSION_SECRET, OIDC_CLIENT_SECRET, ...session.secrets, ...(mode === "oidc" ? await providerIssued() : [])];
    expectNoSecretIn(
      {
        pages: [workspaceHtml, await page.content(), page.url()],
        "responses": [...bodies, await refused.text(), await unauthenticated.text()],
        "event stream": [stream],
        "console log": [await readLog(consoleLogPath(mode))],
      },
      secrets,
    );
  } finally {
    await session.close();
  }
});
