import { mkdirSync } from "node:fs";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { withDemoGateways } from "./support/demo-gateways";
import { kubectlAt } from "./support/kubectl";
import { DEMO_LAB_KUBECONFIG } from "./support/lab";

// The topology page (issue #12) on the demo lab, after workspace-deploy-expose (gateways in every cluster, details
// and reviews exposed), by role and visible text: the fleet's clusters, west opened with the mouse (its east-west
// gateway with an address, its bookinfo namespace), bookinfo opened and details reached from the keyboard alone
// (Serving locally), its panel, the table view, the workspace's own topology, a live change without a reload, and
// axe in both colour schemes. Alone on a fresh demo lab it applies the gateways as the console would (as
// workspace-failover does) and removes only those. It leaves the lab as it found it (details-v1 back at 1 replica,
// available).

const WORKSPACE = "bookinfo-ws";
const SHOTS = "test-results/topology";
const DETAILS_ID = "svc:west/details.bookinfo.svc.cluster.local";

const GATEWAY_CLUSTERS = ["west", "east", "north"];

test.describe.configure({ mode: "serial" });

const kubectl = (cluster: string, args: string[], input?: string) => kubectlAt(DEMO_LAB_KUBECONFIG, cluster, args, input);

withDemoGateways(GATEWAY_CLUSTERS);

const shot = async (page: Page, name: string) => {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
};
const treeOf = (page: Page) => page.getByRole("tree", { name: "Topology nodes" });
const item = (tree: Locator, label: RegExp) => tree.getByRole("treeitem", { name: label });
/** The node id of the focused tree row ("" when focus is not on a row). */
const focusedId = (page: Page) => page.evaluate(() => (document.activeElement?.getAttribute("role") === "treeitem" ? (document.activeElement.getAttribute("data-id") ?? "") : ""));
/**
 * Page (RSC) requests from now on, prefetches left out: state kept in the URL (open groups, the view) is the
 * browser's, so changing it must not render the page again on the server.
 */
function pageRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on("request", (r) => {
    const h = r.headers();
    if (h["rsc"] === "1" && h["next-router-prefetch"] === undefined) seen.push(r.url());
  });
  return seen;
}
const scaleDetails = (replicas: number) => kubectl("west", ["-n", "bookinfo", "scale", "deployment/details-v1", `--replicas=${replicas}`]);

/** Presses `key` until the focused tree row is the node `id` (any row for ""), at most `max` presses. */
async function pressUntil(page: Page, key: string, id: string, max = 40): Promise<void> {
  const reached = (focused: string) => (id === "" ? focused !== "" : focused === id);
  for (let i = 0; i < max && !reached(await focusedId(page)); i++) await page.keyboard.press(key);
  expect(reached(await focusedId(page)), `focus on ${id || "a tree row"} after pressing ${key}`).toBe(true);
}

test("the fleet's topology: clusters, west opened with the mouse, details reached from the keyboard, its panel, the table", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto("/topology");
  await expect(page.getByRole("heading", { level: 1, name: "Topology" })).toBeVisible();
  const tree = treeOf(page);
  const graph = page.getByRole("region", { name: "Topology graph" });
  for (const cluster of ["east", "west", "north"]) {
    await expect(item(tree, new RegExp(`^${cluster} cluster`))).toBeVisible();
    await expect(graph.getByText(cluster, { exact: true })).toBeVisible();
  }
  await shot(page, "01-fleet-collapsed");
  await expectNoSeriousA11yViolations(page, "the topology page, clusters collapsed");

  // Open west by clicking its box on the canvas.
  const rendered = pageRequests(page);
  await graph.getByText("west", { exact: true }).click();
  await expect(page).toHaveURL(/expanded=cluster%3Awest/);
  await expect(item(tree, /^west cluster/)).toHaveAttribute("aria-expanded", "true");
  const gateway = item(tree, /^eastwest-gateway gateway \d+ ready, \d+\.\d+\.\d+\.\d+/);
  await expect(gateway).toBeVisible({ timeout: 90_000 });
  await expect(graph.getByText("eastwest-gateway", { exact: true })).toBeVisible();
  await expect(item(tree, /^bookinfo namespace/)).toBeVisible();
  await expect(graph.getByText("bookinfo", { exact: true })).toBeVisible();
  await shot(page, "02-west-open");

  // From here on, the keyboard only: Tab into the tree, arrows to bookinfo, → opens it, down to details, Enter.
  await page.getByRole("heading", { level: 1, name: "Topology" }).click();
  await pressUntil(page, "Tab", "");
  await pressUntil(page, "ArrowDown", "ns:west/bookinfo");
  await page.keyboard.press("ArrowRight");
  await expect(page).toHaveURL(/expanded=ns%3Awest%2Fbookinfo/);
  await expect(item(tree, /^details service Serving locally/)).toBeVisible({ timeout: 90_000 });
  await page.keyboard.press("ArrowRight");
  await pressUntil(page, "ArrowDown", DETAILS_ID);
  await expect(page.locator(":focus")).toHaveAccessibleName(/^details service Serving locally/);
  await expect(graph.getByText("details", { exact: true })).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`node=${encodeURIComponent(DETAILS_ID)}`));
  const panel = page.getByRole("dialog");
  await expect(panel).toContainText("details.bookinfo.svc.cluster.local");
  await expect(panel).toContainText("Serving locally");
  await shot(page, "03-details-panel");
  await expectNoSeriousA11yViolations(page, "the topology page with details' panel open");
  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);
  expect(await focusedId(page), "focus back on details' row").toBe(DETAILS_ID);

  // The same data as a table; the open groups stay in the URL for the way back.
  await page.getByRole("button", { name: "Table" }).click();
  await expect(page.getByRole("button", { name: "Table" })).toHaveAttribute("aria-pressed", "true");
  await expect(page).toHaveURL(/view=table/);
  const table = page.getByRole("table");
  await expect(table.getByRole("row").filter({ hasText: "details in west" })).toContainText("Serving locally");
  await shot(page, "04-table");
  expect(rendered, "opening groups and switching views asked the server for no page").toEqual([]);
  await expectNoSeriousA11yViolations(page, "the topology table view");
  await page.getByRole("button", { name: "Graph" }).click();
  await expect(item(tree, /^details service/)).toBeVisible();

  await page.emulateMedia({ colorScheme: "dark" });
  await shot(page, "05-dark");
  await expectNoSeriousA11yViolations(page, "the topology page in dark mode");
});

test("a workspace's topology, live: details Failed over at 0 replicas and Serving locally again, without a reload", async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto(`/workspaces/${WORKSPACE}/topology?expanded=cluster:west&expanded=ns:west/bookinfo`);
  await expect(page.getByRole("heading", { level: 1, name: `Topology of ${WORKSPACE}` })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: WORKSPACE })).toBeVisible();
  const tree = treeOf(page);
  const details = item(tree, /^details service/);
  await expect(details).toHaveAccessibleName(/Serving locally/, { timeout: 90_000 });
  await page.evaluate(() => ((window as unknown as { topologyMarker: boolean }).topologyMarker = true));

  await scaleDetails(0);
  try {
    await expect(details).toHaveAccessibleName(/Failed over to east/, { timeout: 60_000 });
    await expect(page.getByRole("region", { name: "Topology graph" }).getByText("Failed over").first()).toBeVisible();
    await shot(page, "06-workspace-failed-over");
  } finally {
    await scaleDetails(1);
  }
  await expect(details).toHaveAccessibleName(/Serving locally/, { timeout: 60_000 });
  expect(await page.evaluate(() => (window as unknown as { topologyMarker?: boolean }).topologyMarker)).toBe(true);
  // Leave the lab settled for the specs after this one.
  const available = () => kubectl("west", ["-n", "bookinfo", "get", "deployment/details-v1", "-o", "jsonpath={.status.availableReplicas}"]);
  await expect.poll(available, { timeout: 30_000 }).toBe("1");
});
