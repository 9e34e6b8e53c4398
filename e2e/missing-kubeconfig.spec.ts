import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/axe";

test("a missing kubeconfig is explained, with its file name (never the absolute path) and what to do", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 2, name: "No kubeconfig found" })).toBeVisible();
  await expect(page.getByText("No kubeconfig found at kubeconfig.")).toBeVisible();
  // The path (.lab/e2e/does-not-exist/kubeconfig, made absolute) describes the server's directories to visitors.
  expect(await page.content()).not.toContain("does-not-exist");
  await expect(page.getByText("npm run lab").first()).toBeVisible();
  await expect(page.getByRole("list", { name: "Clusters" })).toHaveCount(0);
  await page.screenshot({ path: "screenshots/overview-missing-kubeconfig.png", fullPage: true });
  await expectNoSeriousA11yViolations(page, "the missing-kubeconfig page");
});
