import { expect, test, type Page } from "@playwright/test";
import { parse } from "yaml";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { withDemoGateways } from "./support/demo-gateways";
import { kubectlAt } from "./support/kubectl";
import { DEMO_LAB_KUBECONFIG } from "./support/lab";
import { shot } from "./support/workspace";

// The topology page's side panel on the demo lab, by visible text and roles: opened from the node tree with the
// keyboard, it shows details in west as Serving locally in the words of every page, the objects behind it with
// their live YAML (the Deployment's as kubectl reads it, without managedFields), the registry's expected versus
// actual (west's shadow WorkloadEntry present), the kubectl command to test it from east, and it closes with
// Escape, giving focus back to the tree item that opened it. Needs east-west gateways in west and east
// (workspace-deploy-expose leaves them; alone, this spec applies them as the console would and removes only those).
// Writes nothing else: the lab is left as found.

const WORKSPACE = "bookinfo-ws";
const DETAILS = "details.bookinfo.svc.cluster.local";
const GATEWAY_CLUSTERS = ["west", "east"];

const kubectl = (cluster: string, args: string[], input?: string) => kubectlAt(DEMO_LAB_KUBECONFIG, cluster, args, input);

withDemoGateways(GATEWAY_CLUSTERS);

/** The workspace's topology with west and its bookinfo namespace open, as a link to it would show them. */
async function openTopology(page: Page): Promise<void> {
  const expanded = ["cluster:west", "ns:west/bookinfo"].map((id) => `expanded=${encodeURIComponent(id)}`).join("&");
  await page.goto(`/workspaces/${WORKSPACE}/topology?${expanded}`);
  await expect(page.getByRole("tree", { name: "Topology nodes" })).toBeVisible({ timeout: 30_000 });
}

test("the side panel of details in west: state, objects with live YAML, expected vs actual, a test from east; Escape returns focus", async ({ page }) => {
  test.setTimeout(240_000);
  await openTopology(page);
  // Once the gateways are ready and the registry has written west's shadow WorkloadEntries and failover rule.
  const item = page.getByRole("treeitem", { name: /^details\b.*Serving locally/ });
  await expect(item).toBeVisible({ timeout: 120_000 });
  await item.focus();
  await page.keyboard.press("Enter");

  const panel = page.getByRole("dialog", { name: new RegExp(`^${DETAILS.replaceAll(".", "\\.")} Serving locally`) });
  await expect(panel).toBeVisible();
  await expect(panel.getByText("Serving locally (", { exact: false })).toBeVisible({ timeout: 30_000 });
  await expect(panel).toContainText("fails over to east through bookinfo/eastwest-gateway");
  await expect(panel.getByRole("link", { name: `Workspace ${WORKSPACE}` })).toHaveAttribute("href", `/workspaces/${WORKSPACE}`);
  await expect(page).toHaveURL(/node=svc%3Awest%2Fdetails/);

  // Objects: the Service, the Deployment it selects, the shadow WorkloadEntry for east's instance, the failover rule.
  const objects = panel.getByRole("tabpanel", { name: /Objects/ });
  for (const text of ["bookinfo/details", "bookinfo/details-v1", "Deployment the Service selects", "shadow WorkloadEntry (a remote instance)", "DestinationRule for the host"]) await expect(objects).toContainText(text);
  await objects.getByText("Live YAML", { exact: false }).filter({ hasText: "Deployment bookinfo/details-v1" }).click();
  const yamlText = await panel.getByRole("figure", { name: "YAML of Deployment bookinfo/details-v1 in west" }).locator("pre").innerText();
  expect(yamlText).not.toContain("managedFields");
  const shown = parse(yamlText) as { metadata: { name: string; uid: string }; spec: { replicas: number } };
  const live = JSON.parse(await kubectl("west", ["-n", "bookinfo", "get", "deployment/details-v1", "-o", "json"])) as typeof shown;
  expect(shown.metadata).toMatchObject({ name: "details-v1", uid: live.metadata.uid });
  expect(shown.spec.replicas).toBe(live.spec.replicas);
  await objects.getByText("Recent Events", { exact: false }).filter({ hasText: "Deployment bookinfo/details-v1" }).click();
  // Earlier specs on the shared lab scale details-v1, so it may have Events (a labelled list) or none (a sentence).
  const events = objects.getByRole("list", { name: /^Events of Deployment details-v1/ }).or(objects.getByText(/No recent Events/));
  await expect(events.first()).toBeVisible({ timeout: 15_000 });
  await shot(page, "topology-inspect-01-objects");
  await expectNoSeriousA11yViolations(page, "the topology page with the side panel's objects open");

  // Registry: what the plan puts in west for details, each planned object present.
  await panel.getByRole("tab", { name: "Registry" }).click();
  const registry = panel.getByRole("table", { name: /Objects the plan puts in west/ });
  await expect(registry.getByRole("row").filter({ hasText: "WorkloadEntry" }).first()).toContainText("Present");
  await expect(registry).not.toContainText("Missing");
  await shot(page, "topology-inspect-02-registry");

  // Test: the command to copy, run from east where details runs too.
  await panel.getByRole("tab", { name: "Test" }).click();
  const command = panel.getByRole("figure", { name: "kubectl command to test from east" });
  await expect(command).toContainText(`kubectl --context east -n bookinfo run eastwest-test-details --rm -i --restart=Never`);
  await expect(command).toContainText(`http://${DETAILS}:9080/`);
  await expect(command.getByRole("button", { name: /Copy/ })).toBeVisible();
  await shot(page, "topology-inspect-03-test");
  await expectNoSeriousA11yViolations(page, "the side panel's Test tab");

  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await expect(page).not.toHaveURL(/node=/);
  await expect(item).toBeFocused();
});

test("what if details in west failed: west would fail over to east, east would lose its target; nothing is injected", async ({ page }) => {
  test.setTimeout(180_000);
  await openTopology(page);
  const item = page.getByRole("treeitem", { name: /^details\b.*Serving locally/ });
  await expect(item).toBeVisible({ timeout: 120_000 });
  await item.click();
  const panel = page.getByRole("dialog", { name: new RegExp(`^${DETAILS.replaceAll(".", "\\.")} Serving locally`) });
  await panel.getByRole("button", { name: "What if this failed?" }).click();

  const whatIf = page.getByRole("dialog", { name: `What if: ${DETAILS} in west` });
  await expect(whatIf).toContainText("would change state", { timeout: 30_000 });
  const west = whatIf.getByRole("region", { name: /^In west/ });
  await expect(west).toContainText(/Serving locally\s*→\s*would become\s*↪\s*Failed over/);
  await expect(west).toContainText("Failed over to east through bookinfo/eastwest-gateway");
  await expect(whatIf.getByRole("region", { name: /^In east/ })).toContainText(/would become\s*!\s*At risk/);
  await expect(whatIf).toContainText("nothing was injected");
  await shot(page, "topology-inspect-04-what-if");
  await expectNoSeriousA11yViolations(page, "the what-if panel");

  // Nothing was injected: details-v1 still runs in west and the page still reads Serving locally.
  expect(await kubectl("west", ["-n", "bookinfo", "get", "deployment/details-v1", "-o", "jsonpath={.spec.replicas}"])).toBe("1");
  await whatIf.getByRole("button", { name: "Close" }).click();
  await expect(whatIf).toBeHidden();
  await expect(item).toBeVisible();
});

test("the table view: filters in the URL, a row opens the same panel", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(`/workspaces/${WORKSPACE}/topology?view=table`);
  const table = page.getByRole("table", { name: "Failover state of each service in each cluster" });
  await expect(table.getByRole("rowheader").first()).toBeVisible({ timeout: 30_000 });
  await page.getByRole("combobox", { name: "Cluster" }).selectOption("west");
  await page.getByRole("searchbox", { name: "Search" }).fill("details");
  await expect(page).toHaveURL(/tcluster=west/);
  await expect(page).toHaveURL(/tq=details/, { timeout: 10_000 });
  await expect(table.getByRole("rowheader")).toHaveCount(1);
  await expect(table.getByRole("row").nth(1)).toContainText("Serving locally");
  await shot(page, "topology-inspect-05-table");
  await expectNoSeriousA11yViolations(page, "the topology table filtered");

  await table.getByRole("button", { name: "details in west: show details" }).click();
  await expect(page).toHaveURL(/node=svc%3Awest%2Fdetails/);
  await expect(page.getByRole("dialog", { name: new RegExp(`^${DETAILS.replaceAll(".", "\\.")} Serving locally`) })).toBeVisible();
  // The filters survive a reload: they are the URL's.
  await page.reload();
  await expect(page.getByRole("combobox", { name: "Cluster" })).toHaveValue("west");
  await expect(page.getByRole("searchbox", { name: "Search" })).toHaveValue("details");
});

test("an unknown node in the URL: the panel says so, the page stays usable", async ({ page }) => {
  await page.goto(`/workspaces/${WORKSPACE}/topology?node=${encodeURIComponent("svc:west/nope.bookinfo.svc.cluster.local")}`);
  const panel = page.getByRole("dialog", { name: "svc:west/nope.bookinfo.svc.cluster.local" });
  await expect(panel.getByRole("alert")).toContainText("This node cannot be shown");
  await expect(panel.getByRole("alert")).toContainText("names no service of west");
  await panel.getByRole("button", { name: "Close" }).click();
  await expect(panel).toBeHidden();
  await expect(page.getByRole("tree", { name: "Topology nodes" })).toBeVisible();
});
