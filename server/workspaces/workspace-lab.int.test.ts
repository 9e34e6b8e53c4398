// Integration: the workspace functions against the embedded demo lab (west = management, east, north), through
// the fleet service and client-node over HTTP exactly as in production; kubectl reads back what was written.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { parse } from "yaml";
import { startRegistryLab, type RegistryLab } from "@/server/registry/test/lab-fixture";
import { startSyncedFleet, type SyncedFleet } from "@/server/testing/synced-fleet";
import type { WorkspaceDeps } from "./deps";
import { exposureApply } from "./exposure-apply";
import { exposurePreview } from "./exposure-preview";
import { gatewayApply } from "./gateway-apply";
import { gatewayPreview } from "./gateway-preview";
import { gatewayRemove, gatewayRemovePreview } from "./gateway-remove";
import { workspaceDepsFrom } from "./production-deps";
import { workspaceDetail } from "./workspace-detail";
import { workspaceList } from "./workspace-list";

const WS = "bookinfo-ws";
const CLUSTERS = ["west", "east", "north"];
const DETAILS = "details.bookinfo.svc.cluster.local";
const REVIEWS = "reviews.bookinfo.svc.cluster.local";

let env: RegistryLab;
let fleet: SyncedFleet;
let deps: WorkspaceDeps;

beforeAll(async () => {
  // Production deps read the console's settings (server/env.ts) once: the lab's gateways publish loopback
  // addresses, which previews and readiness accept only with this setting, as `npm run demo` sets it.
  process.env.EASTWEST_ALLOW_LOOPBACK_GATEWAY_ADDRESSES = "true";
  env = await startRegistryLab();
  fleet = await startSyncedFleet(env.lab.kubeconfigPath, 3);
  deps = workspaceDepsFrom(fleet);
});
afterAll(async () => {
  fleet.stop();
  await env.stop();
});

const getGateway = (cluster: string, name = "eastwest-gateway") =>
  env.kubectl(cluster, ["get", "ingressgateway", name, "-n", "bookinfo", "-o", "json"]).then((out) => JSON.parse(out) as { metadata: { labels?: Record<string, string> } });
const settingSpec = async () => (JSON.parse(await env.kubectl("west", ["get", "workspacesettings.settings.tetrate.io", "bookinfo-ws-setting", "-n", "bookinfo", "-o", "json"])) as { spec: unknown }).spec;
const exposure = (services: string[]) => ({ workspace: WS, exposure: { mode: "selected" as const, services } });

describe("workspace functions against the lab", () => {
  it("detail and list describe the demo workspace before any gateway exists", async () => {
    const detail = await workspaceDetail(deps, WS);
    expect(detail.settingsForm).toBe("seed");
    expect(detail.clusters.map((c) => [c.name, c.namespaces, c.gateways.length])).toEqual([["west", ["bookinfo"], 0], ["east", ["bookinfo"], 0], ["north", ["bookinfo"], 0]]);
    expect(detail.services.find((s) => s.fqdn === DETAILS)?.clusters).toEqual(["east", "west"]);
    expect(detail.exposure).toEqual({ mode: "all" });
    expect(detail.readiness.items.find((i) => i.id === "gateways")?.status).toBe("fail");
    expect(await workspaceList(deps)).toEqual([expect.objectContaining({ name: WS, gatewaysReady: 0, ready: false })]);
  });

  it("gateway preview shows a create diff and a passing dry-run, and writes nothing", async () => {
    const preview = await gatewayPreview(deps, { workspace: WS, clusters: CLUSTERS });
    expect(preview).toMatchObject({ name: "eastwest-gateway", namespace: "bookinfo" });
    expect(preview.clusters.map((c) => [c.cluster, c.diff.kind, c.dryRun.ok])).toEqual(CLUSTERS.map((c) => [c, "create", true]));
    expect(preview.kubectl).toContain("kubectl --context north apply --server-side --field-manager=eastwest-console");
    for (const c of CLUSTERS) await expect(getGateway(c)).rejects.toThrow(/NotFound|not found/);
  });

  it("apply creates the gateway everywhere; once the installer publishes addresses the detail says ready", async () => {
    const applied = await gatewayApply(deps, { workspace: WS, clusters: CLUSTERS });
    expect(applied.results).toEqual(CLUSTERS.map((cluster) => ({ cluster, ok: true })));
    for (const c of CLUSTERS) expect((await getGateway(c)).metadata.labels).toMatchObject({ "app.kubernetes.io/managed-by": "eastwest-console" });
    await vi.waitFor(async () => expect((await workspaceList(deps))[0]?.gatewaysReady).toBe(3), { timeout: 20_000, interval: 100 });
    const detail = await workspaceDetail(deps, WS);
    for (const cluster of detail.clusters) {
      expect(cluster.gateways).toEqual([expect.objectContaining({ name: "eastwest-gateway", managedByConsole: true, phase: "ready", problems: [] })]);
      expect(cluster.gateways[0]?.service).toMatchObject({ type: "LoadBalancer", has15443: true });
      expect(cluster.gateways[0]?.service?.addresses).toHaveLength(3);
    }
  });

  it("exposure preview diffs against the live setting, dry-runs it and shows the planner's consequences", async () => {
    const preview = await exposurePreview(deps, exposure([DETAILS, REVIEWS]));
    expect(preview.target).toEqual({ name: "bookinfo-ws-setting", namespace: "bookinfo", cluster: "west", exists: true });
    expect(preview.dryRun).toEqual({ ok: true });
    expect(preview.diff.kind).toBe("update");
    if (preview.diff.kind !== "no-changes") {
      expect(preview.diff.changes).toContainEqual({ path: "spec.defaultEastWestGatewaySettings.exposedServices", change: "added" });
      expect(preview.diff.unified).toContain(`+      - ${DETAILS}`);
    }
    // Live is "expose all": north keeps its ServiceEntries for details and reviews and loses ratings'.
    const north = preview.consequences.find((c) => c.cluster === "north");
    expect(north?.serviceEntries).toEqual({ added: [], removed: ["xcp-multicluster/global-gwinternal-ratings-bookinfo-svc-cluster-local"], unchanged: 2, blocked: [] });
    expect(await settingSpec()).not.toMatchObject({ defaultEastWestGatewaySettings: { exposedServices: expect.anything() } });
    const west = preview.consequences.find((c) => c.cluster === "west");
    expect(west?.workloadEntries.removed.length).toBeGreaterThan(0);
    expect(west?.workloadEntries.unchanged).toBeGreaterThan(0);
  });

  it("apply writes exposedServices and the live object reads back exactly the previewed spec", async () => {
    const preview = await exposurePreview(deps, exposure([REVIEWS, DETAILS]));
    expect(await exposureApply(deps, exposure([REVIEWS, DETAILS]))).toEqual({ cluster: "west", ok: true });
    expect(await settingSpec()).toEqual((parse(preview.yaml) as { spec: unknown }).spec);
    // From here, "expose all" would add ratings' ServiceEntry in north and shadow entries where details/reviews run.
    await vi.waitFor(async () => expect((await workspaceList(deps))[0]?.exposure.mode).toBe("selected"), { timeout: 10_000, interval: 100 });
    const back = await exposurePreview(deps, { workspace: WS, exposure: { mode: "all" } });
    expect(back.consequences.find((c) => c.cluster === "north")?.serviceEntries.added).toEqual(["xcp-multicluster/global-gwinternal-ratings-bookinfo-svc-cluster-local"]);
    expect(back.exposeAllBlock).toBeUndefined();
  });

  it("a field another manager owns is a conflict naming it; force takes it", async () => {
    const gitops = `apiVersion: settings.tetrate.io/v1alpha1
kind: WorkspaceSetting
metadata: { name: bookinfo-ws-setting, namespace: bookinfo }
spec:
  workspace: bookinfo-ws
  defaultEastWestGatewaySettings:
    workloadSelector: { app: eastwest-gateway }
    exposedServices: [${DETAILS}]
`;
    await env.kubectl("west", ["apply", "--server-side", "--field-manager=gitops", "--force-conflicts", "-f", "-"], gitops);
    const preview = await exposurePreview(deps, exposure([DETAILS, REVIEWS]));
    expect(preview.dryRun).toMatchObject({ ok: false, kind: "conflict", conflicts: [expect.objectContaining({ field: "spec.defaultEastWestGatewaySettings.exposedServices", manager: "gitops" })] });
    expect(preview.diff.kind).toBe("update");
    const blocked = await exposureApply(deps, exposure([DETAILS, REVIEWS]));
    expect(blocked).toMatchObject({ cluster: "west", ok: false, kind: "conflict", conflicts: [expect.objectContaining({ manager: "gitops" })] });
    expect(await settingSpec()).toMatchObject({ defaultEastWestGatewaySettings: { exposedServices: [DETAILS] } });
    const all = await exposurePreview(deps, { workspace: WS, exposure: { mode: "all" } });
    expect(all.exposeAllBlock?.managers).toEqual(["gitops"]);
    expect(await exposureApply(deps, { ...exposure([DETAILS, REVIEWS]), force: true })).toEqual({ cluster: "west", ok: true });
    expect(await settingSpec()).toMatchObject({ defaultEastWestGatewaySettings: { exposedServices: [DETAILS, REVIEWS] } });
  });

  it("removes only console-created gateways, saying first what stops working", async () => {
    await env.kubectl("west", ["apply", "-f", "-"], "apiVersion: install.tetrate.io/v1alpha1\nkind: IngressGateway\nmetadata: { name: hand-made, namespace: bookinfo }\nspec: { eastWestOnly: true }\n");
    const foreign = { workspace: WS, cluster: "west", namespace: "bookinfo", name: "hand-made" };
    await expect(gatewayRemove(deps, foreign)).rejects.toMatchObject({ tag: "eastwest.Invalid", fieldErrors: [expect.objectContaining({ field: "name", message: expect.stringMatching(/not provably the console's/) })] });
    await getGateway("west", "hand-made");
    // The label copied by hand (kubectl, not the console's field manager), eastWestOnly false: refused, shown live.
    await env.kubectl("west", ["apply", "-f", "-"], "apiVersion: install.tetrate.io/v1alpha1\nkind: IngressGateway\nmetadata: { name: copied, namespace: bookinfo, labels: { app.kubernetes.io/managed-by: eastwest-console } }\nspec: { eastWestOnly: false }\n");
    const copied = { workspace: WS, cluster: "west", namespace: "bookinfo", name: "copied" };
    const refused = await gatewayRemovePreview(deps, copied);
    expect(refused).toMatchObject({ removable: false, kubectl: "", refusal: expect.stringMatching(/field manager \(eastwest-console\).*spec\.eastWestOnly: true.*Nothing was deleted/) });
    expect(refused.yaml).toMatch(/eastWestOnly: false/);
    expect(refused.yaml).not.toMatch(/managedFields/);
    await expect(gatewayRemove(deps, copied)).rejects.toMatchObject({ tag: "eastwest.Invalid" });
    await getGateway("west", "copied");
    const ours = { workspace: WS, cluster: "east", namespace: "bookinfo", name: "eastwest-gateway" };
    const preview = await gatewayRemovePreview(deps, ours);
    expect(preview.consequences).toContain(`${DETAILS} in west loses its east instance (no failover to east).`);
    expect(preview.kubectl).toBe("kubectl --context east delete ingressgateways.install.tetrate.io eastwest-gateway -n bookinfo");
    // The live object, as the cluster returned it (a uid is something only the cluster knows).
    expect(preview).toMatchObject({ removable: true, yaml: expect.stringMatching(/uid: \S+/) });
    expect(await gatewayRemove(deps, ours)).toEqual({ cluster: "east", ok: true });
    await expect(getGateway("east")).rejects.toThrow(/NotFound|not found/);
  });
});
