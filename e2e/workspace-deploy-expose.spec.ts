import { expect, test, type Page } from "@playwright/test";
import { kubectlAt } from "./support/kubectl";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { DEMO_LAB, DEMO_LAB_KUBECONFIG, LAB_CLUSTERS, requestFrom, setFault } from "./support/lab";
import { expectHolds, liveItems, shot, shownYaml } from "./support/workspace";

// The "done when": on the demo lab, by clicking only, deploy east-west gateways in every cluster and
// expose details and reviews, seeing preview, diff, dry-run and the final state; kubectl then reads back exactly
// what the UI showed. The tests share one lab and run in order: the bad-input case first, while nothing exists.

const WORKSPACE = "bookinfo-ws";
const EXPOSED = ["details.bookinfo.svc.cluster.local", "reviews.bookinfo.svc.cluster.local"];
const INGRESS = "ingressgateways.install.tetrate.io";
const SETTINGS = "workspacesettings.settings.tetrate.io";

test.describe.configure({ mode: "serial" });

async function openWorkspace(page: Page): Promise<void> {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Fleet overview" })).toBeVisible();
  await page.getByRole("list", { name: "Workspaces" }).getByRole("link", { name: WORKSPACE }).click();
  await expect(page.getByRole("heading", { level: 1, name: WORKSPACE })).toBeVisible();
  await expect(page.getByRole("status", { name: "Live updates: Live" })).toBeVisible();
}

test("a gateway name that is not a DNS label is refused next to the field, and nothing is written", async ({ page }) => {
  await openWorkspace(page);
  await page.getByRole("button", { name: "Deploy east-west gateway" }).click();
  const dialog = page.getByRole("dialog", { name: "Deploy east-west gateway" });
  await dialog.getByRole("checkbox", { name: "west", exact: true }).check();
  const name = dialog.getByRole("textbox", { name: "Gateway name" });
  await name.fill("East_West");
  await dialog.getByRole("button", { name: "Preview" }).click();
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(name).toHaveAccessibleDescription(/DNS|lower-case|label/i);
  await expect(dialog.getByRole("figure", { name: "IngressGateway YAML" })).toHaveCount(0);
  await shot(page, "03-bad-gateway-name");
  await expectNoSeriousA11yViolations(page, "the deploy dialog refusing a gateway name");
  for (const cluster of LAB_CLUSTERS) expect(await liveItems(cluster, INGRESS)).toEqual([]);
});

test("an unknown workspace says so and links back", async ({ page }) => {
  await page.goto("/workspaces/no-such-ws");
  await expect(page.getByRole("heading", { level: 1, name: "No workspace named no-such-ws" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to the fleet overview" })).toBeVisible();
  await shot(page, "00-unknown-workspace");
  await expectNoSeriousA11yViolations(page, "the unknown-workspace page");
});

test("deploy gateways in west, east and north, expose details and reviews, and kubectl agrees", async ({ page }) => {
  test.setTimeout(240_000);
  // Hydration mismatches, failed requests and React warnings show up as console errors.
  const errors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(msg.text());
  });
  page.on("pageerror", (err) => errors.push(err.message));
  await page.goto("/");
  await expect(page.getByRole("list", { name: "Workspaces" }).getByRole("link", { name: WORKSPACE })).toBeVisible();
  await expect(page.getByRole("status", { name: "Live updates: Live" })).toBeVisible();
  await shot(page, "01-overview");
  await openWorkspace(page);
  for (const cluster of LAB_CLUSTERS) {
    await expect(page.getByRole("article", { name: cluster }).getByText("No east-west gateway")).toBeVisible();
  }
  await shot(page, "02-workspace-before");
  await expectNoSeriousA11yViolations(page, "the workspace page before gateways");

  // Deploy: pick the three clusters, preview (YAML, per-cluster diff and dry-run), confirm.
  await page.getByRole("button", { name: "Deploy east-west gateway" }).click();
  const deploy = page.getByRole("dialog", { name: "Deploy east-west gateway" });
  for (const cluster of LAB_CLUSTERS) await deploy.getByRole("checkbox", { name: cluster, exact: true }).check();
  await expect(deploy.getByRole("textbox", { name: "Gateway name" })).toHaveValue("eastwest-gateway");
  await expect(deploy.getByRole("textbox", { name: "Namespace" })).not.toHaveValue("");
  await deploy.getByRole("button", { name: "Preview" }).click();
  const perCluster = deploy.getByRole("list", { name: "Preview per cluster" });
  for (const cluster of LAB_CLUSTERS) {
    const row = perCluster.getByRole("listitem", { name: cluster });
    await expect(row.getByText("Creates")).toBeVisible();
    await expect(row.getByText(`Dry run OK: ${cluster} accepts the change`)).toBeVisible();
  }
  const gatewayYaml = await shownYaml(page, "IngressGateway YAML");
  expect(gatewayYaml.kind).toBe("IngressGateway");
  expect(gatewayYaml.spec).toMatchObject({ eastWestOnly: true });
  const command = deploy.getByRole("figure", { name: "kubectl command" });
  await expect(command).toContainText("--server-side");
  await command.getByRole("button", { name: "Copy kubectl command" }).click();
  await expect(command.getByRole("button", { name: "Copied kubectl command" })).toContainText("Copied");
  await shot(page, "04-gateway-preview");
  await expectNoSeriousA11yViolations(page, "the deploy dialog preview");
  // As in the expose dialog, the registry's consequences; "expose all" (the demo's default) said plainly above the tabs.
  await expect(deploy.getByText(/^This workspace exposes every service by default: after this, all 4 services of bookinfo-ws become reachable from /)).toBeVisible();
  await deploy.getByRole("tab", { name: "Consequences" }).click();
  const northRow = deploy.getByRole("table", { name: "Consequences per cluster" }).getByRole("row", { name: "north" });
  await expect(northRow).toContainText("xcp-multicluster/global-gwinternal-details-bookinfo-svc-cluster-local");
  await expect(deploy.getByText(/^Once the gateway in .+ publishes its addresses, the registry writes the objects below/)).toBeVisible();
  await shot(page, "04b-gateway-consequences");
  await expectNoSeriousA11yViolations(page, "the deploy dialog's consequences");
  const confirm = deploy.getByRole("button", { name: "Confirm and apply to 3 clusters" });
  await confirm.dblclick();
  const results = deploy.getByRole("list", { name: "Apply results" });
  await expect(results.getByText("Applied", { exact: true })).toHaveCount(3);
  await shot(page, "05-gateway-progress");
  for (const cluster of LAB_CLUSTERS) {
    await expect(results.getByRole("listitem", { name: cluster }).getByText(/^Ready · \S+/)).toBeVisible({ timeout: 60_000 });
  }
  await shot(page, "06-gateway-ready");
  await deploy.getByRole("button", { name: "Done" }).click();
  for (const cluster of LAB_CLUSTERS) {
    const gw = page.getByRole("region", { name: `Gateway ${gatewayYaml.metadata.namespace}/eastwest-gateway in ${cluster}` });
    await expect(gw.getByText("Ready", { exact: true })).toBeVisible();
    await expect(gw.getByText("open", { exact: true })).toBeVisible();
  }
  await shot(page, "07-workspace-gateways-ready");
  await expectNoSeriousA11yViolations(page, "the workspace page with gateways ready");

  // kubectl reads back exactly the IngressGateway the preview showed, once per cluster.
  for (const cluster of LAB_CLUSTERS) {
    const items = await liveItems(cluster, INGRESS);
    expect(items).toHaveLength(1);
    expectHolds(items[0], gatewayYaml);
  }

  // Expose: choose details and reviews through the search, preview all four ways, apply.
  await page.getByRole("button", { name: "Expose services" }).click();
  const expose = page.getByRole("dialog", { name: "Expose services" });
  await expect(expose.getByRole("radio", { name: /Expose all \(default\)/ })).toBeChecked();
  await expose.getByRole("radio", { name: /Choose services/ }).check();
  // "Choose services" starts from what is exposed now: under "expose all", every service.
  await expect(expose.getByText("4 selected")).toBeVisible();
  await expose.getByRole("button", { name: "Clear all" }).click();
  await expect(expose.getByText("0 selected")).toBeVisible();
  const search = expose.getByRole("searchbox", { name: "Search services" });
  for (const fqdn of EXPOSED) {
    await search.fill(fqdn.split(".")[0] ?? fqdn);
    await expose.getByRole("checkbox", { name: fqdn }).check();
  }
  await search.fill("");
  await expect(expose.getByText("2 selected")).toBeVisible();
  await shot(page, "08-expose-choose");
  await expectNoSeriousA11yViolations(page, "the expose dialog choosing services");
  await expose.getByRole("button", { name: "Preview" }).click();

  await expect(expose.getByRole("tab", { name: "YAML" })).toHaveAttribute("aria-selected", "true");
  // The plain summary, above the per-object rows: north reached every service through "expose all", and each
  // cluster's instances (north runs productpage) failed over to the others.
  await expect(expose.getByRole("region", { name: "What changes" }).getByRole("listitem")).toHaveText([
    "ratings will no longer be reachable from other clusters.",
    "ratings will no longer fail over to other clusters from east and west.",
    "productpage will no longer fail over to other clusters from east, north and west.",
  ]);
  const settingYaml = await shownYaml(page, "WorkspaceSetting YAML");
  expect(settingYaml.spec).toMatchObject({ defaultEastWestGatewaySettings: { exposedServices: EXPOSED } });
  await shot(page, "09-expose-yaml");
  await expose.getByRole("tab", { name: "Diff against live" }).click();
  const diff = expose.getByRole("figure", { name: "Diff against the live WorkspaceSetting" });
  for (const fqdn of EXPOSED) await expect(diff.locator('[data-diff="add"]', { hasText: fqdn })).toBeVisible();
  await shot(page, "10-expose-diff");
  await expectNoSeriousA11yViolations(page, "the expose dialog diff tab");
  await expose.getByRole("tab", { name: /Server dry-run/ }).click();
  await expect(expose.getByText("Dry run OK: west accepts the change")).toBeVisible();
  await shot(page, "11-expose-dry-run");
  await expose.getByRole("tab", { name: "Consequences" }).click();
  // With "expose all" (the demo's default) north already received every service once gateways were up: choosing
  // details and reviews keeps their ServiceEntries there and removes ratings'.
  const north = expose.getByRole("table", { name: "Consequences per cluster" }).getByRole("row", { name: /^north/ });
  const northEntries = north.getByRole("cell").first();
  await expect(northEntries).toContainText("2 after the change");
  await expect(northEntries.getByRole("listitem").filter({ hasText: "ratings" })).toContainText("−");
  for (const service of ["details", "reviews"]) await expect(northEntries.getByRole("listitem").filter({ hasText: service })).toHaveCount(0);
  await shot(page, "12-expose-consequences");
  await expectNoSeriousA11yViolations(page, "the expose dialog consequences tab");
  await expose.getByRole("tab", { name: "kubectl" }).click();
  await expect(expose.getByRole("figure", { name: "kubectl command" })).toContainText("apply --server-side");

  await expose.getByRole("button", { name: "Apply to all 3 clusters" }).dblclick();
  await expect(expose.getByText(/^Applied WorkspaceSetting /)).toBeVisible();
  await shot(page, "13-expose-applied");
  await expect(expose.getByText("Every cluster that needs them has received the exposed services.")).toBeVisible({ timeout: 60_000 });
  const propagation = expose.getByRole("list", { name: "Propagation" });
  for (const fqdn of EXPOSED) await expect(propagation.getByRole("listitem", { name: fqdn }).getByText("north: received")).toBeVisible();
  await shot(page, "14-expose-propagated");
  await expose.getByRole("button", { name: "Done" }).click();
  const exposed = page.getByRole("list", { name: "Exposed services" });
  await expect(exposed.getByRole("listitem", { name: /^[a-z]+\.bookinfo\.svc\.cluster\.local$/ })).toHaveCount(EXPOSED.length);
  await shot(page, "15-workspace-final");

  // The WorkspaceSetting and north's ServiceEntries hold what the UI showed and promised.
  const settings = await liveItems("west", SETTINGS);
  expectHolds(
    settings.find((s) => s.metadata.name === settingYaml.metadata.name),
    settingYaml,
  );
  const northLive = await liveItems("north", "serviceentries.networking.istio.io");
  const hosts = northLive.filter((e) => e.metadata.namespace === "xcp-multicluster").flatMap((e) => (e.spec as { hosts?: string[] }).hosts ?? []);
  expect(hosts.sort()).toEqual(EXPOSED);

  // The seed's step 4: from north, where details does not run, a client reaches it by its usual name, served by
  // west or east through their gateways; ratings, no longer exposed, does not resolve there.
  const url = (service: string) => `http://${service}.bookinfo.svc.cluster.local:9080/`;
  await expect
    .poll(async () => (await requestFrom("north", url("details"), { namespace: "sleep", count: 6 }, DEMO_LAB)).map((r) => `${r.status} ${r.servedByCluster}`))
    .toEqual(expect.arrayContaining([expect.stringMatching(/^200 (west|east)$/)]));
  const served = await requestFrom("north", url("details"), { namespace: "sleep", count: 6 }, DEMO_LAB);
  for (const r of served) expect(r, JSON.stringify(r)).toMatchObject({ status: 200, servedByCluster: expect.stringMatching(/^(west|east)$/), servedByPod: expect.stringMatching(/^details-v1-/) });
  await expect.poll(async () => (await requestFrom("north", url("ratings"), { namespace: "sleep" }, DEMO_LAB))[0]?.error ?? "").toContain("ENOTFOUND");
  expect(errors).toEqual([]);
});

test("the expose dialog starts from the live choice, selects a namespace at once, and offers no Apply when nothing changes", async ({ page }) => {
  const SHOT = (name: string) => page.screenshot({ path: `screenshots/expose/${name}.png` });
  await openWorkspace(page);
  await page.getByRole("button", { name: "Expose services" }).click();
  const expose = page.getByRole("dialog", { name: "Expose services" });
  await expect(expose.getByRole("radio", { name: /Choose services/ })).toBeChecked();
  for (const fqdn of EXPOSED) await expect(expose.getByRole("checkbox", { name: fqdn })).toBeChecked();
  await expect(expose.getByText("2 selected")).toBeVisible();
  await expect(expose.getByText("This is what the live setting says: applying it changes nothing.")).toBeVisible();
  await SHOT("01-starts-from-live");

  // The same choice: the cluster would store what it holds, so Apply stays disabled and the summary says why.
  await expose.getByRole("button", { name: "Preview" }).click();
  await expect(expose.getByRole("region", { name: "What changes" })).toHaveText("Nothing would change: the live WorkspaceSetting already says this.");
  await expect(expose.getByRole("button", { name: "Apply to all 3 clusters" })).toBeDisabled();
  await SHOT("02-nothing-changes");

  // One click selects the namespace's services; ratings then becomes reachable from north, the one cluster without it.
  await expose.getByRole("button", { name: "Back" }).click();
  await expect(expose.getByRole("combobox", { name: "Namespace" })).toHaveValue("bookinfo");
  await expose.getByRole("button", { name: "Select namespace" }).click();
  await expect(expose.getByText("4 selected")).toBeVisible();
  await expect(expose.getByRole("checkbox", { name: "ratings.bookinfo.svc.cluster.local" })).toBeChecked();
  await SHOT("03-namespace-selected");
  await expose.getByRole("button", { name: "Preview" }).click();
  await expect(expose.getByRole("region", { name: "What changes" }).getByRole("listitem")).toHaveText([
    "ratings will become reachable from north.",
    "ratings will fail over to other clusters from east and west.",
    "productpage will fail over to other clusters from east, north and west.",
  ]);
  await expect(expose.getByRole("button", { name: "Apply to all 3 clusters" })).toBeEnabled();
  await SHOT("04-summary");
  await expose.getByRole("tab", { name: "Consequences" }).click();
  await SHOT("05-summary-and-rows");
  // Nothing applied: the live setting still lists details and reviews.
  await page.keyboard.press("Escape");
  await expect(expose).toHaveCount(0);
  const settings = await liveItems("west", SETTINGS);
  const listed = settings.flatMap((s) => (s.spec as { defaultEastWestGatewaySettings?: { exposedServices?: string[] } }).defaultEastWestGatewaySettings?.exposedServices ?? []);
  expect(listed.sort()).toEqual(EXPOSED);
});

test("removing a console-made gateway says what stops working first, then kubectl no longer finds it", async ({ page }) => {
  await openWorkspace(page);
  await page.getByRole("button", { name: "Remove eastwest-gateway from north" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Remove eastwest-gateway from north?" });
  await expect(confirm.getByText("What will stop working")).toBeVisible();
  await expect(confirm.getByRole("figure", { name: "kubectl command" })).toContainText("delete");
  // The live object that will be deleted, as north returned it (only the cluster knows its uid), not a template.
  const live = await shownYaml(page, "Live IngressGateway YAML");
  expect(live.metadata).toMatchObject({ name: "eastwest-gateway", uid: expect.any(String) });
  expect(live.metadata).not.toHaveProperty("managedFields");
  await shot(page, "16-remove-confirm");
  await expectNoSeriousA11yViolations(page, "the gateway removal confirmation");
  await confirm.getByRole("button", { name: "Remove gateway" }).dblclick();
  await expect(confirm).toHaveCount(0);
  await expect(page.getByRole("article", { name: "north" }).getByText("No east-west gateway")).toBeVisible();
  await shot(page, "17-after-remove");
  expect(await liveItems("north", INGRESS)).toEqual([]);
  for (const cluster of ["west", "east"]) expect(await liveItems(cluster, INGRESS)).toHaveLength(1);
});

test("removing east's gateway while west's details has no ready pod says details becomes unreachable in west", async ({ page }) => {
  // After north's gateway went, west's only remote instance of details is east's; scaling west's own to zero
  // leaves its EndpointSlice empty, so east's gateway is the last working way to details from west.
  const scale = (replicas: number) => kubectlAt(DEMO_LAB_KUBECONFIG, "west", ["-n", "bookinfo", "scale", "deployment/details-v1", `--replicas=${replicas}`]);
  await scale(0);
  try {
    await openWorkspace(page);
    const unreachable = `${EXPOSED[0]} becomes unreachable in west: it has no local endpoints, and east's is its only working instance.`;
    // The preview reads the snapshot when the dialog opens: reopen until the cache has seen the scale-down.
    await expect(async () => {
      await page.getByRole("button", { name: "Remove eastwest-gateway from east" }).click();
      const confirm = page.getByRole("alertdialog", { name: "Remove eastwest-gateway from east?" });
      try {
        await expect(confirm.getByRole("list", { name: "What will stop working" }).getByRole("listitem").first()).toHaveText(unreachable, { timeout: 3_000 });
      } catch (e) {
        await confirm.getByRole("button", { name: "Cancel" }).click();
        throw e;
      }
    }).toPass({ timeout: 30_000 });
    await page.screenshot({ path: "screenshots/expose/06-remove-unreachable.png" });
    await page.getByRole("alertdialog").getByRole("button", { name: "Cancel" }).click();
  } finally {
    await scale(1);
  }
  for (const cluster of ["west", "east"]) expect(await liveItems(cluster, INGRESS)).toHaveLength(1);
});

test("a stale cluster is dimmed with since-when and cannot be picked for a gateway", async ({ page }) => {
  await openWorkspace(page);
  await setFault("north", { mode: "refuse" }, DEMO_LAB);
  try {
    const north = page.getByRole("article", { name: "north" });
    await expect(north.getByText(/^Stale since/)).toBeVisible({ timeout: 30_000 });
    await shot(page, "18-stale-cluster");
    await expectNoSeriousA11yViolations(page, "the workspace page with north stale");
    await page.getByRole("button", { name: "Deploy east-west gateway" }).click();
    const deploy = page.getByRole("dialog", { name: "Deploy east-west gateway" });
    const box = deploy.getByRole("checkbox", { name: "north", exact: true });
    await expect(box).toBeDisabled();
    await expect(box).toHaveAccessibleDescription(/Stale/);
    await shot(page, "19-deploy-stale-disabled");
    await expectNoSeriousA11yViolations(page, "the deploy dialog with north stale");
  } finally {
    await setFault("north", { mode: "none" }, DEMO_LAB);
  }
});
