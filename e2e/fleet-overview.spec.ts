import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { LAB_CLUSTERS } from "./support/lab";

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
  await expect(list.getByRole("listitem")).toHaveCount(LAB_CLUSTERS.length);
  for (const name of LAB_CLUSTERS) {
    const card = page.getByRole("article", { name });
    await expect(card.getByText("Reachable", { exact: true })).toBeVisible();
    await expect(card.getByText(/^v\d+\.\d+\.\d+/)).toBeVisible();
    await expect(card.getByText("Management")).toHaveCount(name === "west" ? 1 : 0);
  }
  await expect(page.getByRole("status", { name: "Live updates: Live" })).toBeVisible();
  await page.screenshot({ path: "screenshots/overview.png", fullPage: true });
  await expectNoSeriousA11yViolations(page, "the fleet overview");
  expect(errors).toEqual([]);
});

test("recheck re-probes one cluster on demand", async ({ page }) => {
  await page.goto("/");
  const card = page.getByRole("article", { name: "north" });
  const checked = card.locator("footer time");
  const before = await checked.getAttribute("datetime");
  await card.getByRole("button", { name: "Recheck north" }).click();
  await expect(checked).not.toHaveAttribute("datetime", before ?? "");
  await expect(card.getByText("Reachable", { exact: true })).toBeVisible();
});
