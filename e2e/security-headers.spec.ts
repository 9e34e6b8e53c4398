import { once } from "node:events";
import { createServer } from "node:http";
import { expect, test, type Page } from "@playwright/test";

// Security headers in the production build, and that the pages still hydrate and stay live under the CSP.

/** CSP violations as the page itself reports them, plus console errors (blocked scripts log there too). */
async function watchViolations(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(msg.text());
  });
  page.on("pageerror", (err) => problems.push(err.message));
  await page.exposeFunction("reportViolation", (text: string) => problems.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { reportViolation: (t: string) => void }).reportViolation(`CSP: ${e.violatedDirective} blocked ${e.blockedURI}`);
    });
  });
  return problems;
}

test("every response carries the security headers; production CSP allows no eval and no framing", async ({ request }) => {
  for (const path of ["/", "/workspaces/bookinfo-ws", "/api/trpc/fleet.clusters", "/no-such-page"]) {
    const headers = (await request.get(path)).headers();
    const csp = headers["content-security-policy"] ?? "";
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'(;|$)/);
    expect(csp, path).not.toContain("unsafe-eval");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["referrer-policy"], path).toBe("no-referrer");
  }
});

test("the overview and a workspace hydrate and stay live with no CSP violation", async ({ page }) => {
  const problems = await watchViolations(page);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Fleet overview" })).toBeVisible();
  // Live means the client code ran and opened the event stream: hydration worked under the CSP.
  await expect(page.getByRole("status", { name: "Live updates: Live" })).toBeVisible();
  await page.screenshot({ path: "screenshots/security-overview.png", fullPage: true });
  // A mutation through the page's own tRPC client (it sends the custom header and its Origin).
  const card = page.getByRole("article", { name: "north" });
  const checked = card.locator("footer time");
  const before = await checked.getAttribute("datetime");
  await card.getByRole("button", { name: "Recheck north" }).click();
  await expect(checked).not.toHaveAttribute("datetime", before ?? "");
  // A client-side navigation, then the 404 page (rendered per request, so its scripts carry the nonce too).
  await page.getByRole("list", { name: "Workspaces" }).getByRole("link", { name: "bookinfo-ws" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "bookinfo-ws" })).toBeVisible();
  await expect(page.getByRole("status", { name: "Live updates: Live" })).toBeVisible();
  await page.goto("/no-such-page");
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await page.getByRole("link", { name: "Back to the fleet overview" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Fleet overview" })).toBeVisible();
  // The browser logs the 404 status of /no-such-page itself as a console error; nothing else may appear.
  expect(problems.filter((p) => !/status of 404/.test(p))).toEqual([]);
});

test("a page on another origin cannot frame the console", async ({ page }) => {
  // The framing page runs on loopback too (another port, so another origin): the browser's private-network rules
  // then play no part, and only the console's own headers can keep it out of the frame.
  const framer = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.end('<iframe name="console" src="http://127.0.0.1:3102/" width="800" height="600"></iframe>');
  });
  framer.listen(0, "127.0.0.1");
  await once(framer, "listening");
  try {
    const address = framer.address();
    const port = address !== null && typeof address === "object" ? address.port : 0;
    await page.goto(`http://127.0.0.1:${port}/`);
    // The browser replaces a refused frame with its own error page: the console's heading never renders there.
    await expect.poll(() => page.frame({ name: "console" })?.url()).toMatch(/^chrome-error:/);
    await expect(page.frameLocator("iframe").getByRole("heading", { name: "Fleet overview" })).toHaveCount(0);
  } finally {
    framer.close();
  }
});
