// Signing in as a person of the e2e provider, in Chromium, as a person does (the console sends the browser to the
// provider, the person types a name and password, the provider sends them back); and calling the console's API as
// the console's own page would (the mutation guard's header, the Origin) with whatever cookies the browser holds.
import { expect, type APIRequestContext, type APIResponse, type Cookie, type Page } from "@playwright/test";
import { sessionCookieName } from "../../server/auth/session-cookie";
import { oidcAccount, OIDC_ISSUER } from "./oidc-accounts";

/** Opens `path` signed out, signs in at the provider as `login`, and waits until the console shows the page. */
export async function signIn(page: Page, login: string, path = "/"): Promise<void> {
  const account = oidcAccount(login);
  await page.goto(path);
  await expect(page).toHaveURL((url) => url.href.startsWith(OIDC_ISSUER));
  await expect(page.getByRole("heading", { name: "Sign in to the e2e identity provider" })).toBeVisible();
  await page.getByRole("textbox", { name: "Username" }).fill(account.login);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL((url) => !url.href.startsWith(OIDC_ISSUER) && !url.pathname.startsWith("/auth/"));
  await expect(page.getByRole("region", { name: "Signed in" })).toContainText(login);
}

/**
 * The console's session cookie in this browser. Cookies are per host, not per port, so the provider's own cookies
 * (127.0.0.1:3106) sit beside it: pick it by the console's name for it (plain http on loopback: no __Host- prefix).
 */
export async function sessionCookie(page: Page, baseURL: string): Promise<Cookie> {
  const name = sessionCookieName(false);
  const session = (await page.context().cookies(baseURL)).find((c) => c.name === name);
  if (!session) throw new Error(`the console set no ${name} cookie`);
  expect(session.httpOnly, "the session cookie is HttpOnly").toBe(true);
  return session;
}

/** A tRPC mutation as the console's page sends it (superjson body, x-eastwest-csrf, same Origin). */
export function trpcMutation(request: APIRequestContext, baseURL: string, path: string, input: unknown, extraHeaders: Record<string, string> = {}): Promise<APIResponse> {
  return request.post(`${baseURL}/api/trpc/${path}`, {
    headers: { "Content-Type": "application/json", "x-eastwest-csrf": "1", Origin: baseURL, ...extraHeaders },
    data: JSON.stringify({ json: input }),
    maxRedirects: 0,
  });
}

/** A tRPC query over GET (superjson input in the URL). */
export function trpcQuery(request: APIRequestContext, baseURL: string, path: string, input?: unknown, extraHeaders: Record<string, string> = {}): Promise<APIResponse> {
  const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  return request.get(`${baseURL}/api/trpc/${path}${query}`, { headers: extraHeaders, maxRedirects: 0 });
}

/** The error message of a tRPC error answer. */
export async function trpcErrorMessage(res: APIResponse): Promise<string> {
  const body = (await res.json()) as { error?: { json?: { message?: string } } };
  return body.error?.json?.message ?? "";
}
