import { expect, test } from "@playwright/test";
import { startAuthProxy, type AuthProxy } from "./support/auth-proxy";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { personWritesSince } from "./support/oidc-lab";
import { trpcErrorMessage, trpcMutation, trpcQuery } from "./support/oidc-session";

// Mode proxy: the console believes X-Forwarded-User / X-Forwarded-Groups only from EASTWEST_PROXY_TRUSTED
// (127.0.0.2 here), judged by the TCP peer, not by anything a client can write. Through the trusted proxy the
// header shows the person (no Sign out: the proxy owns the session) and roles apply; straight from 127.0.0.1 the
// same headers — and every header that could pose as the peer — get 401, and nothing reaches a cluster.

const SHOTS = "screenshots/auth";
const IDENTITY = { "x-forwarded-user": "alice", "x-forwarded-groups": "eastwest:platform-owners" };
// Headers a client could send to pose as the trusted proxy: the forwarding family and the console's own peer stamp.
const FORGED_PEER = { "x-forwarded-for": "127.0.0.2", "x-real-ip": "127.0.0.2", forwarded: "for=127.0.0.2", "x-eastwest-peer": "127.0.0.2" };

let proxy: AuthProxy | undefined;
test.afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
});

test("through the trusted proxy the header shows the proxy's person and roles, with no Sign out", async ({ page, baseURL }) => {
  proxy = await startAuthProxy(baseURL ?? "", { user: "alice", groups: ["eastwest:platform-owners"] });
  await page.goto(`${proxy.url}/`);
  await expect(page.getByRole("heading", { level: 1, name: "Fleet overview" })).toBeVisible();
  const header = page.getByRole("region", { name: "Signed in" });
  await expect(header.getByRole("paragraph")).toHaveText("Signed in as alice");
  await expect(header.getByRole("list", { name: "Roles" }).getByRole("listitem")).toHaveText(["viewer", "platform owner"]);
  await expect(header.getByRole("button", { name: "Sign out" })).toHaveCount(0);
  await page.locator("header").screenshot({ path: `${SHOTS}/04-header-proxy-alice.png` });
  await expectNoSeriousA11yViolations(page, "the overview through the proxy");
});

test("a viewer through the trusted proxy is refused a write with 403 naming who and what is needed", async ({ page, baseURL }) => {
  proxy = await startAuthProxy(baseURL ?? "", { user: "victor", groups: ["eastwest:viewers"] });
  await page.goto(`${proxy.url}/workspaces/bookinfo-ws`);
  await expect(page.getByRole("region", { name: "Signed in" })).toContainText("victor");
  const since = new Date().toISOString();
  const res = await trpcMutation(page.request, proxy.url, "workspace.gatewayApply", { workspace: "bookinfo-ws", clusters: ["north"] });
  expect(res.status()).toBe(403);
  expect(await trpcErrorMessage(res)).toMatch(/signed in as victor \(viewer\)/);
  expect(await personWritesSince(since, "victor")).toEqual([]);
});

test("straight from an untrusted address, identity headers get 401 — also posing as the proxy — and nothing is written", async ({ page, request, baseURL }) => {
  const base = baseURL ?? "";
  const since = new Date().toISOString();
  for (const headers of [IDENTITY, { ...IDENTITY, ...FORGED_PEER }]) {
    const me = await trpcQuery(request, base, "auth.me", undefined, headers);
    expect(me.status(), JSON.stringify(headers)).toBe(401);
    const write = await trpcMutation(request, base, "workspace.gatewayApply", { workspace: "bookinfo-ws", clusters: ["north"] }, headers);
    expect(write.status(), JSON.stringify(headers)).toBe(401);
    const pageAnswer = await request.get(`${base}/`, { headers, maxRedirects: 0 });
    expect(pageAnswer.status()).toBe(401);
  }
  expect(await personWritesSince(since, "alice")).toEqual([]);
  // What a person who reaches the console around the proxy sees.
  await page.setExtraHTTPHeaders({ ...IDENTITY, ...FORGED_PEER });
  const answer = await page.goto("/");
  expect(answer?.status()).toBe(401);
  await page.screenshot({ path: `${SHOTS}/05-proxy-untrusted-401.png` });
});
