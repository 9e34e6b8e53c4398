import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { consoleEnv, startConsole } from "./support/console";
import { LAB_CLUSTERS, LAB_KUBECONFIG, setFault } from "./support/lab";

const RECHECK_PORT = 3110;

test("every lab cluster is reachable, with its version, west is the management cluster", async ({ page }) => {
  // Hydration mismatches and failed requests show up as console errors.
  const errors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(msg.text());
  });
  page.on("pageerror", (err) => errors.push(err.message));
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Fleet overview" })).toBeVisible();
  const list = page.getByRole("list", { name: "Clusters" });
  // One card per cluster (each card holds lists of its own: its failover states).
  await expect(list.getByRole("article")).toHaveCount(LAB_CLUSTERS.length);
  for (const name of LAB_CLUSTERS) {
    const card = page.getByRole("article", { name });
    await expect(card.getByText("Reachable", { exact: true })).toBeVisible();
    await expect(card.getByText(/^v\d+\.\d+\.\d+/)).toBeVisible();
    await expect(card.getByText("Management")).toHaveCount(name === "west" ? 1 : 0);
    await expect(card.getByRole("link", { name, exact: true })).toHaveAttribute("href", `/clusters/${name}`);
  }
  // The status tiles count every cluster once; all are healthy, so every other status shows 0.
  const tiles = page.getByRole("group", { name: "Filter clusters by status" });
  await expect(tiles.getByRole("button", { name: /^All clusters/ })).toHaveText(`All clusters${LAB_CLUSTERS.length}`);
  await expect(tiles.getByRole("button", { name: /^Healthy/ })).toHaveText(`Healthy${LAB_CLUSTERS.length}`);
  for (const status of ["Unreachable", "Stale", "Syncing"]) await expect(tiles.getByRole("button", { name: new RegExp(`^${status}`) })).toHaveText(`${status}0`);
  await expect(page.getByRole("status", { name: "Live updates: Live" })).toBeVisible();
  await page.screenshot({ path: "screenshots/overview.png", fullPage: true });
  await expectNoSeriousA11yViolations(page, "the fleet overview");
  expect(errors).toEqual([]);
});

// Its own console probes only at start (interval 10 min), so a changed latency can come only from the click: the
// lab answers north 700 ms late, and nothing but "Recheck north" measures that. Without the button's probe, the
// card would keep its start-up latency and this test fails.
test("recheck re-probes one cluster on demand, and only the click can have measured it", async ({ page }) => {
  test.setTimeout(90_000);
  const console_ = await startConsole(RECHECK_PORT, consoleEnv(LAB_KUBECONFIG, { EASTWEST_PROBE_INTERVAL_MS: "600000", EASTWEST_PROBE_TIMEOUT_MS: "5000", EASTWEST_REGISTRY_MODE: "observe" }));
  try {
    await page.goto(`${console_.url}/`);
    const card = page.getByRole("article", { name: "north" });
    await expect(card.getByText("Reachable", { exact: true })).toBeVisible();
    const latency = card.locator("dt", { hasText: "API latency" }).locator("xpath=following-sibling::dd");
    await expect(latency).toHaveText(/^\d+ ms$/);
    expect(Number.parseInt((await latency.textContent()) ?? "", 10)).toBeLessThan(700);
    // The button is enabled once the page has hydrated; a click before that would be lost.
    const recheck = card.getByRole("button", { name: "Recheck north" });
    await expect(recheck).toBeEnabled();
    await setFault("north", { mode: "none", latencyMs: 700 });
    await recheck.click();
    await expect(latency).toHaveText(/^(7\d\d|[89]\d\d) ms$|^\d+\.\d s$/);
    await expect(card.getByText("Reachable", { exact: true })).toBeVisible();
  } finally {
    await setFault("north", { mode: "none" });
    await console_.stop();
  }
});
