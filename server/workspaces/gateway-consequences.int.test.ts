// Integration: the deploy preview's Consequences against the lab (west = management, east, north; "expose all",
// no gateway yet). The preview plans the new gateways with a stand-in address (gateway-stand-in.ts); after the
// apply, the installer publishes the LoadBalancer addresses and the registry writes its objects: exactly the
// previewed ServiceEntries, and the previewed shadow WorkloadEntries once per published address.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { FleetLister } from "@/server/kube/writer-fleet-lister";
import type { Registry } from "@/server/registry/controller";
import { converge, startLabRegistry, startRegistryLab, type RegistryLab, type WriteLog } from "@/server/registry/test/lab-fixture";
import { startSyncedFleet, type SyncedFleet } from "@/server/testing/synced-fleet";
import type { WorkspaceDeps } from "./deps";
import { gatewayApply } from "./gateway-apply";
import { gatewayPreview } from "./gateway-preview";
import { workspaceDepsFrom } from "./production-deps";

const WS = "bookinfo-ws";
const CLUSTERS = ["west", "east", "north"];

let env: RegistryLab;
let fleet: SyncedFleet;
let deps: WorkspaceDeps;
let lister: FleetLister | undefined;
let registry: Registry | undefined;

beforeAll(async () => {
  // The lab's gateways publish loopback addresses, which previews accept only with this setting (as `npm run demo`).
  process.env.EASTWEST_ALLOW_LOOPBACK_GATEWAY_ADDRESSES = "true";
  env = await startRegistryLab();
  fleet = await startSyncedFleet(env.lab.kubeconfigPath, 3);
  deps = workspaceDepsFrom(fleet);
}, 90_000);
afterAll(async () => {
  await registry?.stop();
  fleet.stop();
  await env.stop();
});

/** `namespace/name` of every object of a kind in a cluster, sorted. */
async function names(cluster: string, resource: string): Promise<string[]> {
  const out = await env.kubectl(cluster, ["get", resource, "-A", "-o", "jsonpath={range .items[*]}{.metadata.namespace}/{.metadata.name}{\"\\n\"}{end}"]);
  return out.split("\n").filter((s) => s !== "").sort();
}

/** The first address's shadow WorkloadEntry name and the names for the others (object-names.ts: `-2`, `-3`, …). */
const perAddress = (first: string, count: number) => Array.from({ length: count }, (_, i) => (i === 0 ? first : `${first}-${i + 1}`));

describe("deploy preview consequences against the lab", () => {
  it("the preview promises, and after deploy and address publication the registry writes, the same objects", async () => {
    const preview = await gatewayPreview(deps, { workspace: WS, clusters: CLUSTERS });
    expect(preview.awaitingAddresses).toEqual(CLUSTERS);
    expect(preview.exposeAll).toMatch(/^This workspace exposes every service by default: after this, all 4 services of bookinfo-ws become reachable from /);
    // north runs productpage only: it gains ServiceEntries; west and east run everything: shadow WorkloadEntries.
    const added = (cluster: string) => preview.consequences.find((c) => c.cluster === cluster);
    expect(added("north")?.serviceEntries.added).toHaveLength(3);
    expect(added("west")?.workloadEntries.added).toHaveLength(5);
    for (const c of CLUSTERS) expect(await names(c, "serviceentries")).toEqual([]);

    expect((await gatewayApply(deps, { workspace: WS, clusters: CLUSTERS })).results).toEqual(CLUSTERS.map((cluster) => ({ cluster, ok: true })));
    const published: Record<string, number> = {};
    for (const c of CLUSTERS) {
      await vi.waitFor(async () => {
        const out = await env.kubectl(c, ["get", "svc", "eastwest-gateway", "-n", "bookinfo", "-o", "jsonpath={.status.loadBalancer.ingress[*].ip}"]);
        published[c] = out.split(" ").filter((s) => s !== "").length;
        expect(published[c]).toBeGreaterThan(0);
      }, { timeout: 20_000, interval: 100 });
    }
    // Every cluster's gateway publishes the same number of addresses in the lab; the rows name the first one.
    const count = published.west ?? 0;
    expect(Object.values(published)).toEqual(CLUSTERS.map(() => count));
    const log: WriteLog = [];
    lister = env.newLister();
    registry = startLabRegistry(env, lister, log);
    expect(await converge(lister, registry)).toBeGreaterThan(0);

    for (const c of preview.consequences) {
      expect(c.serviceEntries.removed).toEqual([]);
      expect(await names(c.cluster, "serviceentries")).toEqual(c.serviceEntries.added);
      expect(await names(c.cluster, "workloadentries")).toEqual(c.workloadEntries.added.flatMap((n) => perAddress(n, count)).sort());
    }
  }, 120_000);
});
