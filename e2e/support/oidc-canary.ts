// The secrets canary's collecting half for the auth modes: every body the console sends a signed-in browser (pages,
// RSC payloads, tRPC answers), the page as rendered, a stretch of the live event stream, and the console's own log
// file; and the checking half: none of them holds any of the secrets.
import { readFile } from "node:fs/promises";
import { expect, type Page } from "@playwright/test";
import { OIDC_ISSUER } from "./oidc-accounts";

/** Records the text of every non-streaming response the console sends (directly or through a proxy), not the provider's. */
export function collectBodies(page: Page): string[] {
  const bodies: string[] = [];
  page.on("response", async (res) => {
    if (res.url().startsWith(OIDC_ISSUER)) return;
    if ((res.headers()["content-type"] ?? "").includes("text/event-stream")) return;
    // Redirects have no body Playwright can read; their Location is a URL, checked with the page's URL below.
    const text = await res.text().catch(() => undefined);
    if (text !== undefined) bodies.push(text);
    // Headers without Set-Cookie (Playwright's headers() leaves it out): the session cookie is meant to travel there.
    // Request URLs are not collected: the provider sends the code to /auth/callback in the query, as OAuth does.
    bodies.push(JSON.stringify(res.headers()));
  });
  return bodies;
}

/** Reads the fleet's event stream for `ms` ms with `headers` (a cookie, for a session) and returns the raw text. */
export async function readStreamAs(url: string, headers: Record<string, string>, ms: number): Promise<string> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  let text = "";
  try {
    const res = await fetch(url, { headers, signal: controller.signal });
    expect(res.status).toBe(200);
    const reader = res.body?.getReader();
    const decoder = new TextDecoder();
    for (let r = await reader?.read(); r && !r.done; r = await reader?.read()) text += decoder.decode(r.value, { stream: true });
  } catch (err) {
    if (!controller.signal.aborted) throw err;
  } finally {
    clearTimeout(timer);
  }
  return text;
}

/** Codes and tokens the e2e provider has handed out, and the client secret. */
export async function providerIssued(): Promise<string[]> {
  const res = await fetch(`${OIDC_ISSUER}/e2e/issued`);
  return (await res.json()) as string[];
}

export const readLog = (path: string) => readFile(path, "utf8");

/** Fails naming the place and the secret's first characters (never the whole secret, in a report). */
export function expectNoSecretIn(places: Record<string, string[]>, secrets: readonly string[]): void {
  expect(secrets.every((s) => s.length >= 8), "every secret is long enough to be specific").toBe(true);
  for (const [place, texts] of Object.entries(places)) {
    for (const secret of secrets) {
      const hit = texts.some((t) => t.includes(secret));
      expect(hit, `${place} holds a secret starting ${secret.slice(0, 4)}…`).toBe(false);
    }
  }
}
