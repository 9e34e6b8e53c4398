import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { OIDC_ISSUER } from "./support/oidc-accounts";
import { sessionCookie, signIn, trpcMutation, trpcQuery } from "./support/oidc-session";

// Mode oidc in Chromium against a real OpenID provider (oidc-provider, authorization code + PKCE): signed out, the
// console sends the browser to the provider and its API answers 401; signed in, the header shows who and their roles
// from the provider's groups; the session lives in one HttpOnly, SameSite=Lax cookie; Sign out ends it.

const SHOTS = "screenshots/auth";

test("signed out: a page sends the browser to the provider, the API answers 401", async ({ page, request, baseURL }) => {
  const base = baseURL ?? "";
  await page.goto("/workspaces/bookinfo-ws");
  await expect(page).toHaveURL((url) => url.href.startsWith(`${OIDC_ISSUER}/interaction/`));
  await expect(page.getByRole("heading", { name: "Sign in to the e2e identity provider" })).toBeVisible();
  const me = await trpcQuery(request, base, "auth.me");
  expect(me.status()).toBe(401);
  const write = await trpcMutation(request, base, "workspace.gatewayApply", { workspace: "bookinfo-ws", clusters: ["west"] });
  expect(write.status()).toBe(401);
});

test("the authorization request is code + PKCE S256 with state and nonce", async ({ page }) => {
  const authorize = page.waitForRequest((req) => req.url().startsWith(`${OIDC_ISSUER}/auth?`));
  await page.goto("/");
  const url = new URL((await authorize).url());
  expect(url.searchParams.get("response_type")).toBe("code");
  expect(url.searchParams.get("code_challenge_method")).toBe("S256");
  expect(url.searchParams.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(url.searchParams.get("state")).toBeTruthy();
  expect(url.searchParams.get("nonce")).toBeTruthy();
});

test("a wrong password stays at the provider; the right one signs alice in, with her roles in the header", async ({ page, baseURL }) => {
  await page.goto("/");
  await page.getByRole("textbox", { name: "Username" }).fill("alice");
  await page.getByLabel("Password").fill("not-her-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toHaveText("Unknown user or wrong password.");
  await expect(page).toHaveURL((url) => url.href.startsWith(OIDC_ISSUER));

  await signIn(page, "alice");
  await expect(page.getByRole("heading", { level: 1, name: "Fleet overview" })).toBeVisible();
  const header = page.getByRole("region", { name: "Signed in" });
  await expect(header.getByRole("paragraph")).toHaveText("Signed in as alice");
  await expect(header.getByRole("list", { name: "Roles" }).getByRole("listitem")).toHaveText(["viewer", "platform owner"]);
  await expect(header.getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.locator("header").screenshot({ path: `${SHOTS}/01-header-alice.png` });
  await expectNoSeriousA11yViolations(page, "the overview signed in as alice");

  const cookie = await sessionCookie(page, baseURL ?? "");
  expect(cookie.sameSite).toBe("Lax");
  // Plain http on loopback: Secure would make Chromium drop the cookie; anywhere else the console sets it.
  expect(cookie.secure).toBe(false);
  expect(await page.evaluate(() => document.cookie)).not.toContain(cookie.value);
});

test("Sign out ends the session: the cookie is gone, the API answers 401, signing in again starts a new authorization", async ({ page, baseURL }) => {
  const base = baseURL ?? "";
  await signIn(page, "victor");
  const cookie = await sessionCookie(page, base);
  await page.getByRole("region", { name: "Signed in" }).getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "You are signed out" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Signed in" })).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/06-signed-out.png` });
  await expectNoSeriousA11yViolations(page, "the signed-out page");
  expect((await page.context().cookies(base)).some((c) => c.name === cookie.name && c.value !== "")).toBe(false);
  expect((await trpcQuery(page.request, base, "auth.me")).status()).toBe(401);
  const authorize = page.waitForRequest((req) => req.url().startsWith(`${OIDC_ISSUER}/auth?`));
  await page.getByRole("link", { name: "Sign in" }).click();
  await authorize;
});
