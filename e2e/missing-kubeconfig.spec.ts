import { expect, test } from "@playwright/test";

test("a missing kubeconfig is explained, with the path and what to do", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 2, name: "No kubeconfig found" })).toBeVisible();
  await expect(page.getByText(/does-not-exist\/kubeconfig/).first()).toBeVisible();
  await expect(page.getByText("npm run lab").first()).toBeVisible();
  await expect(page.getByRole("list", { name: "Clusters" })).toHaveCount(0);
  await page.screenshot({ path: "screenshots/overview-missing-kubeconfig.png", fullPage: true });
});
