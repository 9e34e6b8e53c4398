import { expect, test, type Browser, type Cookie } from "@playwright/test";
import { sealSession, sessionDataSchema, unsealSession } from "../server/auth/session-cookie";
import { E2E_SESSION_SECRET, OIDC_ISSUER } from "./support/oidc-accounts";
import { personWritesSince } from "./support/oidc-lab";
import { sessionCookie, signIn, trpcMutation, trpcQuery } from "./support/oidc-session";

// A session cookie the console did not seal as it stands — one character changed, or sealed right but past its
// expiry — is no session: pages send the browser to sign in, the API answers 401, and nothing reaches a cluster.
// The expired ones are made from alice's real session, re-sealed with the console's secret (the spec configured it)
// by the console's own sealing module: first unexpired, to show such a cookie IS accepted, then expired both ways the
// console checks (the seal's own ttl, and expiresAt inside against the console's clock), so expiry alone explains
// each refusal.

const WRITE = { path: "workspace.gatewayApply", input: { workspace: "bookinfo-ws", clusters: ["north"] } };

/** A fresh browser context holding only `cookie` (with `value`), as someone who copied or forged it would. */
async function withCookie(browser: Browser, baseURL: string, cookie: Cookie, value: string) {
  const context = await browser.newContext({ baseURL });
  await context.addCookies([{ ...cookie, value }]);
  return context;
}

async function expectNoSession(browser: Browser, baseURL: string, cookie: Cookie, value: string, login: string): Promise<void> {
  const context = await withCookie(browser, baseURL, cookie, value);
  try {
    const since = new Date().toISOString();
    const me = await trpcQuery(context.request, baseURL, "auth.me");
    expect(me.status()).toBe(401);
    const write = await trpcMutation(context.request, baseURL, WRITE.path, WRITE.input);
    expect(write.status()).toBe(401);
    const page = await context.newPage();
    await page.goto("/");
    await expect(page).toHaveURL((url) => url.href.startsWith(OIDC_ISSUER));
    expect(await personWritesSince(since, login)).toEqual([]);
  } finally {
    await context.close();
  }
}

test("a tampered session cookie: sign in again, API 401, nothing written", async ({ page, browser, baseURL }) => {
  const base = baseURL ?? "";
  await signIn(page, "alice");
  const cookie = await sessionCookie(page, base);
  // One character in the middle of the seal (the encrypted part), swapped for another of the same alphabet.
  const at = Math.floor(cookie.value.length / 2);
  const swapped = cookie.value[at] === "A" ? "B" : "A";
  const tampered = `${cookie.value.slice(0, at)}${swapped}${cookie.value.slice(at + 1)}`;
  expect(tampered).not.toBe(cookie.value);
  await expectNoSession(browser, base, cookie, tampered, "alice");
});

test("an expired session cookie, sealed with the right secret: sign in again, API 401, nothing written", async ({ page, browser, baseURL }) => {
  const base = baseURL ?? "";
  await signIn(page, "alice");
  const cookie = await sessionCookie(page, base);
  const opened = await unsealSession(cookie.value, E2E_SESSION_SECRET, 3600);
  if (!opened.ok) throw new Error(`the spec cannot open alice's session: ${opened.reason}`);
  const data = sessionDataSchema.parse(opened.data);

  // Control: the same session re-sealed, unexpired, is accepted — so each refusal below is about expiry alone.
  const fresh = await withCookie(browser, base, cookie, await sealSession(data, E2E_SESSION_SECRET, 600));
  const me = await trpcQuery(fresh.request, base, "auth.me");
  expect(me.status()).toBe(200);
  expect(JSON.stringify(await me.json())).toContain('"alice"');
  await fresh.close();

  // The seal's own expiry an hour ago (iron's exp = now + ttl; a negative ttl puts it in the past).
  await expectNoSession(browser, base, cookie, await sealSession(data, E2E_SESSION_SECRET, -3600), "alice");
  // A valid seal whose session ended a second ago by the console's clock.
  await expectNoSession(browser, base, cookie, await sealSession({ ...data, expiresAt: Date.now() - 1000 }, E2E_SESSION_SECRET, 600), "alice");
});
