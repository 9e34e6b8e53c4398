import { expect, test } from "@playwright/test";
import { kubeconfigSecrets } from "./support/lab";
import { onChangeUrl, readStream } from "./support/sse";

test("no kubeconfig credential reaches the HTML, tRPC responses or the SSE stream", async ({ page, baseURL }) => {
  const secrets = await kubeconfigSecrets();
  expect(secrets.length).toBeGreaterThan(0);

  const bodies: string[] = [];
  page.on("response", async (res) => {
    const type = res.headers()["content-type"] ?? "";
    if (res.url().includes("/api/trpc/") && !type.includes("text/event-stream")) bodies.push(await res.text());
  });
  const html = await (await page.goto("/"))?.text();
  await expect(page.getByRole("article", { name: "west" })).toBeVisible();
  await page.getByRole("button", { name: "Recheck west" }).click();
  await expect.poll(() => bodies.length).toBeGreaterThan(0);

  const stats = await (await fetch(`${baseURL ?? ""}/api/trpc/fleet.stats?input=${encodeURIComponent('{"json":{"measureJson":true}}')}`)).text();
  expect(stats).toContain("objects");
  bodies.push(stats);
  const sse = await readStream(onChangeUrl(baseURL), 2500);
  expect(sse).toContain("fleet-reset");
  const everything = [html ?? "", await page.content(), sse, ...bodies];
  for (const secret of secrets) for (const text of everything) expect(text).not.toContain(secret);
});
