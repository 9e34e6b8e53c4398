import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { kubectl } from "./support/kubectl";
import { setFault } from "./support/lab";

// Runs on the fleet project's console and lab (the e2e scenario: west, east, north, bookinfo-ws), after the fleet
// specs. What it changes there it puts back before its test ends: a fault on west, and bookinfo-ws (deleted, then
// created again from its own saved manifest).
const WORKSPACE = "bookinfo-ws";
const SHOTS = "screenshots/navigation";

const mainNav = (page: Page) => page.getByRole("navigation", { name: "Main", exact: true });
const breadcrumbs = (page: Page) => page.getByRole("navigation", { name: "Breadcrumb", exact: true });

/** The main navigation marks exactly `label` as the current page (none: null, as on the 404). */
async function expectCurrent(page: Page, label: string | null): Promise<void> {
  for (const name of ["Overview", "Workspaces", "Topology", "Istio objects", "Drills"]) {
    const link = mainNav(page).getByRole("link", { name, exact: true });
    if (name === label) await expect(link).toHaveAttribute("aria-current", "page");
    else await expect(link).not.toHaveAttribute("aria-current");
  }
}

test("the main navigation reaches every page and marks the current one; breadcrumbs lead back up", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Fleet overview" })).toBeVisible();
  await expectCurrent(page, "Overview");

  await mainNav(page).getByRole("link", { name: "Workspaces", exact: true }).click();
  await expect(page).toHaveURL(/\/workspaces$/);
  await expect(page.getByRole("heading", { level: 1, name: "Workspaces" })).toBeVisible();
  await expectCurrent(page, "Workspaces");
  await expect(breadcrumbs(page).getByText("Workspaces")).toHaveAttribute("aria-current", "page");
  // The overview's list, on its own page: the same row, linking to the workspace.
  await page.getByRole("list", { name: "Workspaces" }).getByRole("link", { name: WORKSPACE }).click();
  await expect(page.getByRole("heading", { level: 1, name: WORKSPACE })).toBeVisible();
  // A workspace is under Workspaces.
  await expectCurrent(page, "Workspaces");
  await expect(breadcrumbs(page).getByText(WORKSPACE)).toHaveAttribute("aria-current", "page");
  await expect(breadcrumbs(page).getByRole("link", { name: WORKSPACE })).toHaveCount(0);

  await breadcrumbs(page).getByRole("link", { name: "Workspaces" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Workspaces" })).toBeVisible();
  await breadcrumbs(page).getByRole("link", { name: "Overview" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Fleet overview" })).toBeVisible();
  await expectCurrent(page, "Overview");

  for (const [section, heading] of [["Topology", "Topology"], ["Istio objects", "Istio objects"], ["Drills", "Failover drills"]] as const) {
    await mainNav(page).getByRole("link", { name: section, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expectCurrent(page, section);
  }
  // A cluster's page is reached from the overview, and belongs to it.
  await page.goto("/clusters/east");
  await expect(page.getByRole("heading", { level: 1, name: "east" })).toBeVisible();
  await expectCurrent(page, "Overview");
  await breadcrumbs(page).getByRole("link", { name: "Overview" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Fleet overview" })).toBeVisible();
  // The frame is the layout's: the live state of each page shows in it.
  await expect(page.getByRole("banner").getByRole("status", { name: "Live updates: Live" })).toBeVisible();
});

test("an unknown address gets the 404 inside the console's frame, saying what was not found, with a way home", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("main").getByText("/no-such-page", { exact: true })).toBeVisible();
  await expect(mainNav(page)).toBeVisible();
  await expectCurrent(page, null);
  await page.getByRole("link", { name: "Back to the fleet overview" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Fleet overview" })).toBeVisible();
});

test("the keyboard reaches the navigation first, with a visible focus, and follows it", async ({ page }) => {
  await page.goto("/workspaces");
  await expect(page.getByRole("heading", { level: 1, name: "Workspaces" })).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await page.keyboard.press("Tab");
  const overview = mainNav(page).getByRole("link", { name: "Overview", exact: true });
  await expect(overview).toBeFocused();
  await expect(overview).toHaveCSS("outline-style", "solid");
  await page.keyboard.press("Tab");
  await expect(mainNav(page).getByRole("link", { name: "Workspaces", exact: true })).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Fleet overview" })).toBeVisible();
});

test("times read as ages, with the absolute UTC time on hover and on keyboard focus", async ({ page }) => {
  await page.goto("/");
  const checked = page.getByRole("article", { name: "west" }).locator("footer time");
  await expect(checked).toHaveText(/^\d+[smhdy].* ago$/);
  await expect(checked).toHaveAttribute("title", /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/);
  await checked.focus();
  await expect(checked).toBeFocused();
  const tooltip = await checked.evaluate((el) => getComputedStyle(el, "::after").content);
  expect(tooltip).toMatch(/^"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC"$/);
  await page.getByRole("article", { name: "west" }).screenshot({ path: `${SHOTS}/time-focused.png` });
});

test("the workspace list says when the management cluster's answer is only its last known one", async ({ page }) => {
  await page.goto("/workspaces");
  await expect(page.getByRole("list", { name: "Workspaces" }).getByRole("link", { name: WORKSPACE })).toBeVisible();
  await expect(page.getByText(/the management cluster, is stale/)).toHaveCount(0);
  await setFault("west", { mode: "refuse" });
  try {
    await expect(page.getByRole("status").filter({ hasText: /^west, the management cluster, is stale/ })).toContainText("the workspaces below are its last known ones");
    // Last known, never emptied: the row stays.
    await expect(page.getByRole("list", { name: "Workspaces" }).getByRole("link", { name: WORKSPACE })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/light-workspaces-management-stale.png`, fullPage: true });
    await expectNoSeriousA11yViolations(page, "/workspaces with west stale");
  } finally {
    await setFault("west", { mode: "none" });
  }
  await expect(page.getByText(/the management cluster, is stale/)).toHaveCount(0, { timeout: 30_000 });
});

test("with no Workspace on the management cluster, the list says so, naming the cluster, and what to do", async ({ page }) => {
  const resource = "workspaces.tsb.tetrate.io";
  const saved = JSON.parse(await kubectl("west", ["get", resource, WORKSPACE, "-n", "bookinfo", "-o", "json"])) as { metadata: Record<string, unknown> };
  const rows = page.getByRole("list", { name: "Workspaces" });
  await page.goto("/workspaces");
  await expect(rows.getByRole("link", { name: WORKSPACE })).toBeVisible();
  await kubectl("west", ["delete", resource, WORKSPACE, "-n", "bookinfo"]);
  try {
    await expect(page.getByRole("heading", { level: 2, name: "No workspaces in west" })).toBeVisible();
    await expect(page.getByText("kubectl --context west apply -f workspace.yaml")).toBeVisible();
    await expect(rows).toHaveCount(0);
    await page.screenshot({ path: `${SHOTS}/light-workspaces-empty.png`, fullPage: true });
    await expectNoSeriousA11yViolations(page, "/workspaces with no workspace");
  } finally {
    // Server-assigned fields go: the API server refuses a create that carries a resourceVersion.
    for (const field of ["resourceVersion", "uid", "creationTimestamp", "generation", "managedFields"]) delete saved.metadata[field];
    await kubectl("west", ["create", "-f", "-"], JSON.stringify(saved));
  }
  await expect(rows.getByRole("link", { name: WORKSPACE })).toBeVisible();
});

test("without a kubeconfig the workspace list says what the overview says, inside the frame", async ({ page }) => {
  // The missing-kubeconfig project's console (its kubeconfig path does not exist).
  await page.goto("http://127.0.0.1:3101/workspaces");
  await expect(page.getByRole("heading", { level: 1, name: "Workspaces" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "No kubeconfig found" })).toBeVisible();
  await expect(mainNav(page).getByRole("link", { name: "Workspaces", exact: true })).toHaveAttribute("aria-current", "page");
  await page.screenshot({ path: `${SHOTS}/light-workspaces-no-kubeconfig.png`, fullPage: true });
  await expectNoSeriousA11yViolations(page, "/workspaces without a kubeconfig");
});

for (const scheme of ["light", "dark"] as const) {
  test.describe(`${scheme} scheme`, () => {
    test.use({ colorScheme: scheme });

    test(`every page in the ${scheme} scheme: no serious axe violation, and a screenshot`, async ({ page }) => {
      const pages: Array<[string, string, string]> = [
        ["/", "Fleet overview", "overview"],
        ["/workspaces", "Workspaces", "workspaces"],
        [`/workspaces/${WORKSPACE}`, WORKSPACE, "workspace"],
        ["/workspaces/no-such-ws", "No workspace named no-such-ws", "unknown-workspace"],
        ["/no-such-page", "Page not found", "not-found"],
      ];
      for (const [path, heading, name] of pages) {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
        const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
        // The page follows the system: a near-black body in the dark, near-white in the light.
        const lum = await luminance(page, background);
        if (scheme === "dark") expect(lum, `${path} body ${background}`).toBeLessThan(0.05);
        else expect(lum, `${path} body ${background}`).toBeGreaterThan(0.9);
        await page.screenshot({ path: `${SHOTS}/${scheme}-${name}.png`, fullPage: true });
        await expectNoSeriousA11yViolations(page, `${path} (${scheme})`);
      }
    });
  });
}

test.describe("dark scheme, dialogs", () => {
  test.use({ colorScheme: "dark" });

  test("a dialog (portalled outside the page) is dark too", async ({ page }) => {
    await page.goto(`/workspaces/${WORKSPACE}`);
    const trigger = page.getByRole("button", { name: "Expose services" });
    await expect(trigger).toBeEnabled();
    await trigger.click();
    const dialog = page.getByRole("dialog");
    await expect(dialog).toBeVisible();
    const surface = await dialog.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await luminance(page, surface), `dialog ${surface}`).toBeLessThan(0.05);
    await page.screenshot({ path: `${SHOTS}/dark-expose-dialog.png` });
    await expectNoSeriousA11yViolations(page, "the expose dialog (dark)");
    await page.keyboard.press("Escape");
    await expect(dialog).toHaveCount(0);
    // Focus returns to the button that opened the dialog.
    await expect(trigger).toBeFocused();
  });
});

/** Relative luminance (0 black … 1 white) of a CSS colour, as the browser resolves it (oklch included). */
function luminance(page: Page, color: string): Promise<number> {
  return page.evaluate((c) => {
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 1;
    const ctx = canvas.getContext("2d");
    if (!ctx) return Number.NaN;
    ctx.fillStyle = c;
    ctx.fillRect(0, 0, 1, 1);
    const [r = 0, g = 0, b = 0] = ctx.getImageData(0, 0, 1, 1).data;
    const linear = (v: number) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  }, color);
}
