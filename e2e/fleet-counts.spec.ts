import { expect, test, type Locator } from "@playwright/test";
import { countOf, kubectl } from "./support/kubectl";
import { LAB_CLUSTERS, setFault } from "./support/lab";

/** The value (dd) next to the term (dt) that says `label`. */
const figure = (card: Locator, label: string) =>
  card.getByRole("term").filter({ hasText: new RegExp(`^${label}$`) }).locator("xpath=following-sibling::dd[1]");

test.afterEach(async () => {
  for (const cluster of LAB_CLUSTERS) await setFault(cluster, { mode: "none" });
});

test("each card counts what its cluster holds, and the workspaces it belongs to", async ({ page }) => {
  await page.goto("/");
  for (const name of LAB_CLUSTERS) {
    const card = page.getByRole("article", { name });
    await expect(card.getByText("Synced", { exact: true })).toBeVisible();
    await expect(figure(card, "Gateways")).toHaveText(String(await countOf(name, "ingressgateways")));
    await expect(figure(card, "ServiceEntries")).toHaveText(String(await countOf(name, "serviceentries")));
    await expect(card.getByText("bookinfo-ws")).toBeVisible();
  }
  // Workspace bookinfo-ws spans */bookinfo with no exposedServices list: every bookinfo service is exposed.
  await expect(figure(page.getByRole("article", { name: "west" }), "Exposed")).toHaveText(String((await kubectl("west", ["get", "svc", "-n", "bookinfo", "-o", "name"])).trim().split("\n").length));
  await expect(figure(page.getByRole("article", { name: "north" }), "Exposed")).toHaveText("1");
});

test("a kubectl change in a lab cluster reaches the open page without a reload", async ({ page }) => {
  await page.goto("/");
  await page.evaluate(() => Object.assign(window, { __sameDocument: true }));
  const east = page.getByRole("article", { name: "east" });
  await expect(east.getByText("Synced", { exact: true })).toBeVisible();
  const shadows = figure(east, "Shadow WEs");
  const before = Number(await shadows.textContent());
  const name = "k-e2e-0123456789abcdef0123456789abcdef";
  const entry = { apiVersion: "networking.istio.io/v1", kind: "WorkloadEntry", metadata: { name, namespace: "bookinfo" }, spec: { address: "10.1.2.3" } };
  await kubectl("east", ["apply", "-f", "-"], JSON.stringify(entry));
  await expect(shadows).toHaveText(String(before + 1));
  await kubectl("east", ["delete", "workloadentry", name, "-n", "bookinfo"]);
  await expect(shadows).toHaveText(String(before));
  expect(await page.evaluate(() => "__sameDocument" in window)).toBe(true);
});

test("a stale cluster says why and since when, and keeps its last known counts", async ({ page }) => {
  await page.goto("/");
  const east = page.getByRole("article", { name: "east" });
  await expect(east.getByText("Synced", { exact: true })).toBeVisible();
  const exposed = await figure(east, "Exposed").textContent();
  await setFault("east", { mode: "refuse" });
  await expect(east.getByText("Stale", { exact: true })).toBeVisible();
  await expect(east.getByText("Connection refused")).toBeVisible();
  await expect(east.getByText(/^Stale since \d\d:\d\d:\d\d UTC/)).toBeVisible();
  await expect(figure(east, "Exposed")).toHaveText(exposed ?? "");
  await expect(page.getByRole("article", { name: "west" }).getByText("Synced", { exact: true })).toBeVisible();
  await page.screenshot({ path: "screenshots/overview-stale.png", fullPage: true });
  await setFault("east", { mode: "none" });
  await expect(east.getByText("Synced", { exact: true })).toBeVisible();
  await expect(east.getByText(/^Stale since/)).toHaveCount(0);
});
