// Steps of the partition soak (soak-partition.ts): the seed's exposure over plain HTTP to the lab, the
// inventory of what the console generated from a source cluster, and one console replica wired as in
// production (watch-based fleet cache, registry service with its Lease, writers from the fleet's handles).
import { MANAGED_BY_LABEL, MANAGED_BY_VALUE, SOURCE_CLUSTERS_ANNOTATION } from "@/lib/plan/desired";
import { parseEnv } from "@/server/env";
import { startFleetService } from "@/server/fleet/service";
import type { ClusterHandle } from "@/server/kube/kubeconfig";
import { startRegistryService, type RegistryService } from "@/server/registry/service";
import { gatewayManifest, labRequest } from "./bench-registry-steps";

export const SETTING = {
  apiVersion: "settings.tetrate.io/v1alpha1",
  kind: "WorkspaceSetting",
  metadata: { name: "bookinfo-ws-setting", namespace: "bookinfo" },
  spec: {
    workspace: "bookinfo-ws",
    defaultEastWestGatewaySettings: { workloadSelector: { app: "eastwest-gateway" }, exposedServices: ["details.bookinfo.svc.cluster.local", "reviews.bookinfo.svc.cluster.local"] },
  },
};

/** The seed's steps 1–3: details and reviews exposed (the demo's setting exposes everything), a gateway everywhere. */
export async function exposeSeed(handles: ClusterHandle[], management: ClusterHandle): Promise<void> {
  const url = `${management.server}/apis/settings.tetrate.io/v1alpha1/namespaces/bookinfo/workspacesettings/${SETTING.metadata.name}?fieldManager=soak&force=true`;
  const res = await fetch(url, { method: "PATCH", headers: { "Content-Type": "application/apply-patch+yaml" }, body: JSON.stringify(SETTING) });
  if (!res.ok) throw new Error(`applying the WorkspaceSetting → ${res.status} ${(await res.text()).slice(0, 200)}`);
  for (const h of handles) await labRequest(h, "POST", "/apis/install.tetrate.io/v1alpha1/namespaces/bookinfo/ingressgateways", gatewayManifest("bookinfo"));
}

const KINDS = ["serviceentries", "workloadentries", "destinationrules", "gateways"];

type Item = { kind?: string; metadata: { namespace: string; name: string; uid: string; resourceVersion: string; annotations?: Record<string, string> } };

/** Every object the console owns in `clusters` that names `source` among its sources: id → uid@resourceVersion. */
export async function generatedFrom(source: string, clusters: ClusterHandle[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const h of clusters) {
    for (const kind of KINDS) {
      const list = (await labRequest(h, "GET", `/apis/networking.istio.io/v1/${kind}?labelSelector=${encodeURIComponent(`${MANAGED_BY_LABEL}=${MANAGED_BY_VALUE}`)}`)) as { items: Item[] };
      for (const item of list.items) {
        const sources = (item.metadata.annotations?.[SOURCE_CLUSTERS_ANNOTATION] ?? "").split(",");
        if (sources.includes(source)) out.set(`${h.name} ${kind} ${item.metadata.namespace}/${item.metadata.name}`, `${item.metadata.uid}@${item.metadata.resourceVersion}`);
      }
    }
  }
  return out;
}

/** What changed between two inventories: deleted (or re-created) and rewritten objects. */
export function changes(before: Map<string, string>, after: Map<string, string>): { deleted: string[]; rewritten: string[]; added: string[] } {
  const uid = (v: string | undefined) => v?.split("@")[0];
  const deleted = [...before.keys()].filter((id) => uid(after.get(id)) !== uid(before.get(id)));
  const rewritten = [...before.keys()].filter((id) => after.has(id) && !deleted.includes(id) && after.get(id) !== before.get(id));
  const added = [...after.keys()].filter((id) => !before.has(id));
  return { deleted, rewritten, added };
}

export type Console = { name: string; registry: RegistryService; stop(): Promise<void> };

/** One console replica as server/runtime.ts wires it (short probe interval so a partition shows quickly). */
export function startConsole(name: string, kubeconfig: string, management: string, log: (line: string) => void): Console {
  const env = {
    // The lab's gateways publish loopback addresses, which only this setting lets the planner publish.
    ...parseEnv({ EASTWEST_REGISTRY_MODE: "standalone", EASTWEST_ALLOW_LOOPBACK_GATEWAY_ADDRESSES: "true" }, "/nowhere"),
    kubeconfigPaths: [kubeconfig],
    managementCluster: management,
    probeIntervalMs: 1_000,
    probeTimeoutMs: 1_000,
    listTimeoutMs: 3_000,
    backoff: { initialMs: 200, maxMs: 2_000 },
  };
  const quiet = (line: string) => (/leader|failed|stale/.test(line) ? log(`[${name}] ${line}`) : undefined);
  const fleet = startFleetService(env, quiet);
  const registry = startRegistryService({ env, snapshots: fleet.snapshots, handle: fleet.handle, log: quiet });
  return {
    name,
    registry,
    async stop() {
      await registry.stop();
      fleet.stop();
    },
  };
}

/** The registry sees every cluster fresh and nothing missing, extra or different. */
export function converged(registry: RegistryService, clusters: number): boolean {
  const status = registry.status();
  return status.leader && status.clusters.length === clusters && status.clusters.every((c) => !c.stale && c.missing.length + c.extra.length + c.different.length === 0);
}
