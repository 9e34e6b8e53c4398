import { expect, test } from "@playwright/test";
import { onChangeUrl, readStream } from "./support/sse";

declare global {
  interface Window {
    __sse: Array<{ connection: number; type: string }>;
  }
}

/**
 * The browser's first SSE response is cut short after one tracked event carrying a real,
 * recent feed id. The EventSource must reconnect by itself and send that id back
 * (Last-Event-ID, which tRPC merges into the input as lastEventId): the server then
 * resumes with the events after it (clusters-updated) instead of starting over with a
 * snapshot (fleet-reset), which is what a reconnect without the id would get.
 */
test("a dropped stream reconnects and resumes after the last event id", async ({ page, baseURL }) => {
  const ids = [...(await readStream(onChangeUrl(baseURL), 1500)).matchAll(/^id: (\S+)$/gm)].map((m) => m[1]);
  const resumeFrom = ids.at(-1);
  expect(resumeFrom).toBeTruthy();

  await page.addInitScript(() => {
    window.__sse = [];
    let opened = 0;
    const Original = window.EventSource;
    window.EventSource = class extends Original {
      constructor(url: string | URL, init?: EventSourceInit) {
        super(url, init);
        let connection = opened++;
        // A native reconnect reuses this object: count it as a new connection.
        this.addEventListener("error", () => (connection = opened++));
        this.addEventListener("message", (e) => {
          const parsed = JSON.parse((e as MessageEvent<string>).data) as { json: { type: string } };
          window.__sse.push({ connection, type: parsed.json.type });
        });
      }
    };
  });
  let cut = false;
  await page.route(/\/api\/trpc\/fleet\.onChange/, async (route) => {
    if (cut) return route.continue();
    cut = true;
    // An update for a cluster the page does not know (the reducer ignores it), tagged with the real id.
    const ghost = { type: "cluster-updated", status: { cluster: "ghost" } };
    await route.fulfill({
      status: 200,
      headers: { "Content-Type": "text/event-stream" },
      // retry: reconnect after 200 ms instead of the browser's default of seconds.
      body: `retry: 200\n\nevent: connected\ndata: {}\n\ndata: ${JSON.stringify({ json: ghost })}\nid: ${resumeFrom}\n\n`,
    });
  });

  await page.goto("/");
  const afterReconnect = () => page.evaluate(() => window.__sse.filter((e) => e.connection > 0).map((e) => e.type));
  await expect.poll(async () => (await afterReconnect()).length).toBeGreaterThan(0);
  // A resumed stream continues with updates (one batch per coalescing tick), never a fresh snapshot.
  expect((await afterReconnect())[0]).toMatch(/^clusters?-updated$/);
  await expect(page.getByRole("status", { name: "Live updates: Live" })).toBeVisible();
  await expect(page.getByRole("article", { name: "west" }).getByText("Reachable", { exact: true })).toBeVisible();
});
