import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { consoleEnv, startConsole, type RunningConsole } from "./support/console";
import { LAB_KUBECONFIG, setFault } from "./support/lab";

// A console restarted while east is cut off has never seen east: it must say so ("not yet synced", never reached
// since it started), and never show east as empty ("no namespaces", "no gateway", "in no workspace · 0 objects")
// nor offer to deploy there. A second console process is started on its own port, after east is cut off; it only
// observes (the fleet project's console stays the registry writing to this lab).

const PORT = 3103;
// Outside test-results/, which the next Playwright run empties: a person looks at these after the run.
const SHOTS = "screenshots/restart-partition";
const WORKSPACE = "bookinfo-ws";

let console_: RunningConsole | undefined;

test.afterEach(async () => {
  await setFault("east", { mode: "none" });
  await console_?.stop();
  console_ = undefined;
});

/** "14:03:05 UTC" within [from, to], to the second. */
function clockBetween(text: string, from: Date, to: Date): boolean {
  const hms = /(\d\d):(\d\d):(\d\d) UTC/.exec(text);
  if (!hms) return false;
  const at = new Date(from);
  at.setUTCHours(Number(hms[1]), Number(hms[2]), Number(hms[3]), 0);
  return at.getTime() >= Math.floor(from.getTime() / 1000) * 1000 && at.getTime() <= to.getTime();
}

async function expectNoEmptyClaims(area: Locator): Promise<void> {
  for (const claim of [/None of the workspace.s namespaces exists here/, /No east-west gateway/, /Deploy one/, /In no workspace/, /\b0 objects/, /Stale since/]) {
    await expect(area.getByText(claim)).toHaveCount(0);
  }
}

async function overviewSaysNeverReached(page: Page, running: RunningConsole): Promise<void> {
  await page.goto(`${running.url}/`);
  const east = page.getByRole("article", { name: "east" });
  const never = east.getByText(/^Not yet synced: never reached since the console started at \d\d:\d\d:\d\d UTC/);
  await expect(never).toBeVisible({ timeout: 30_000 });
  expect(clockBetween((await never.textContent()) ?? "", running.startedAt, new Date())).toBe(true);
  await expect(east.getByText("Not yet synced", { exact: true })).toBeVisible();
  await expect(east.getByText("Workspaces unknown until it is synced")).toBeVisible();
  await expect(east.getByText("objects not counted yet")).toBeVisible();
  await expect(east.getByRole("definition").filter({ hasText: /^\d+$/ })).toHaveCount(0);
  await expectNoEmptyClaims(east);
  await expect(page.getByRole("list", { name: "Workspaces" }).getByText(/east not yet synced since the console started/)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/1-overview.png`, fullPage: true });
  await expectNoSeriousA11yViolations(page, "the fleet overview with east never reached");
}

async function workspaceSaysUnknown(page: Page): Promise<void> {
  await page.getByRole("list", { name: "Workspaces" }).getByRole("link", { name: WORKSPACE }).click();
  await expect(page.getByRole("heading", { level: 1, name: WORKSPACE })).toBeVisible();
  const east = page.getByRole("article", { name: "east" });
  await expect(east.getByText(/^Not yet synced: never reached since the console started at/)).toBeVisible();
  await expect(east.getByText("Namespaces unknown")).toBeVisible();
  await expect(east.getByText("Gateways unknown")).toBeVisible();
  await expectNoEmptyClaims(east);
  const checklist = page.getByRole("list", { name: "HA readiness checklist" });
  await expect(checklist.getByText(/east is not yet synced: never reached since the console started/)).toBeVisible();
  for (const claim of [/missing in east/, /east is stale since/, /--context east create namespace/, /--context east apply/]) await expect(checklist.getByText(claim)).toHaveCount(0);
  await expect(page.getByRole("definition").filter({ hasText: "east not yet synced: unknown" })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/2-workspace.png`, fullPage: true });
  await expectNoSeriousA11yViolations(page, "the workspace page with east never reached");
}

async function deployNotOffered(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Deploy east-west gateway" }).click();
  const deploy = page.getByRole("dialog", { name: "Deploy east-west gateway" });
  const box = deploy.getByRole("checkbox", { name: "east", exact: true });
  await expect(box).toBeDisabled();
  await expect(box).not.toBeChecked();
  await expect(box).toHaveAccessibleDescription(/^Not yet synced: never reached since the console started/);
  await expect(deploy.getByRole("checkbox", { name: "west", exact: true })).toBeEnabled();
  await page.screenshot({ path: `${SHOTS}/3-deploy.png` });
  await expectNoSeriousA11yViolations(page, "the deploy dialog with east never reached");
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Expose services" }).click();
  const expose = page.getByRole("dialog", { name: "Expose services" });
  await expect(expose.getByText(/east is not yet synced: services that run only there are unknown/)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/4-expose.png` });
  await page.keyboard.press("Escape");
}

test("a console restarted while east is cut off says east was never reached, never that it is empty, and offers nothing there", async ({ page }) => {
  test.setTimeout(150_000);
  await setFault("east", { mode: "refuse" });
  console_ = await startConsole(PORT, consoleEnv(LAB_KUBECONFIG, { EASTWEST_REGISTRY_MODE: "observe" }));
  await overviewSaysNeverReached(page, console_);
  await workspaceSaysUnknown(page);
  await deployNotOffered(page);

  // Once east answers, the same page shows what it holds.
  await setFault("east", { mode: "none" });
  const east = page.getByRole("article", { name: "east" });
  await expect(east.getByText("Synced", { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(east.getByText("bookinfo", { exact: true })).toBeVisible();
  await expect(east.getByText(/^Not yet synced/)).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/5-east-back.png`, fullPage: true });
});
