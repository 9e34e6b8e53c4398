import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { LAB_CLUSTERS, setFault } from "./support/lab";

test.afterEach(async () => {
  for (const cluster of LAB_CLUSTERS) await setFault(cluster, { mode: "none" });
});

test("a cluster cut off turns unreachable and recovers live, without a reload", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("status", { name: "Live updates: Live" })).toBeVisible();
  // A marker on window survives only if the page is never reloaded.
  await page.evaluate(() => Object.assign(window, { __sameDocument: true }));
  const east = page.getByRole("article", { name: "east" });
  await expect(east.getByText("Reachable", { exact: true })).toBeVisible();

  await setFault("east", { mode: "refuse" });
  await expect(east.getByText("Unreachable", { exact: true })).toBeVisible();
  await expect(east.getByText("Connection refused")).toBeVisible();
  await expect(east.getByText(/The API server of east refused the connection/)).toBeVisible();
  await expect(page.getByRole("article", { name: "west" }).getByText("Reachable", { exact: true })).toBeVisible();
  await page.screenshot({ path: "screenshots/overview-east-down.png", fullPage: true });
  await expectNoSeriousA11yViolations(page, "the fleet overview with east unreachable");

  await setFault("east", { mode: "none" });
  await expect(east.getByText("Reachable", { exact: true })).toBeVisible();
  await expect(east.getByText(/^v\d+\.\d+\.\d+/)).toBeVisible();
  expect(await page.evaluate(() => "__sameDocument" in window)).toBe(true);
});

test("each kind of API failure gets its own human sentence", async ({ page }) => {
  await page.goto("/");
  const north = page.getByRole("article", { name: "north" });
  const cases = [
    { mode: "unauthorized", label: "Credentials rejected", sentence: /north rejected the kubeconfig credentials \(401 Unauthorized\)/ },
    { mode: "hang", label: "No answer", sentence: /The API server of north did not answer within 1\.5 s/ },
  ] as const;
  for (const { mode, label, sentence } of cases) {
    await setFault("north", { mode });
    await expect(north.getByText(label)).toBeVisible();
    await expect(north.getByText(sentence)).toBeVisible();
    await setFault("north", { mode: "none" });
    await expect(north.getByText("Reachable", { exact: true })).toBeVisible();
  }
});
