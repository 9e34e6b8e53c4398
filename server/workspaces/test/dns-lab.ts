// Test-only (imported by *.int.test.ts): the `dns-gateway` lab with the console wired as in production — the fleet
// cache, one fleet model planning with a resolver that asks a fake DNS in place of the system's, the registry
// service (standalone, lab loopback setting) and the workspace deps both reading that model. East's load balancer publishes only a DNS name; the fake
// answers it with the loopback addresses the lab gives the gateway, once `answer()` is called.
import { DNS_GATEWAY_CLUSTER, DNS_GATEWAY_HOSTNAME } from "@/lab/scenarios/dns-gateway";
import type { Lab } from "@/lab/start";
import type { KindConsequence } from "@/lib/workspace-view/types";
import { MANAGED_BY_LABEL, MANAGED_BY_VALUE } from "@/lib/plan/desired";
import { parseEnv } from "@/server/env";
import { startFleetService, type FleetService } from "@/server/fleet/service";
import { createFleetModel } from "@/server/model/fleet-model";
import { createPlannerHost } from "@/server/model/planner-host";
import { fromFleetSource } from "@/server/registry/fleet-source";
import { createHostnameResolver, type Lookup } from "@/server/registry/hostname-resolver";
import { startRegistryService, type RegistryService } from "@/server/registry/service";
import { startRegistryLab, type RegistryLab } from "@/server/registry/test/lab-fixture";
import type { WorkspaceDeps } from "../deps";
import { workspaceDepsFrom } from "../production-deps";

/**
 * East's gateway addresses: those of the running lab's own address block (each lab claims one, so they are known
 * only once it runs). Filled in place by startDnsLab, so importers can hold the array from the start.
 */
export const EAST_IPS: string[] = [];

/** What the lab's plan gives east's gateway Service: the addresses its data plane listens on for that name. */
function eastGatewayAddresses(lab: Lab): string[] {
  const index = lab.clusters.findIndex((c) => c.name === DNS_GATEWAY_CLUSTER);
  if (index < 0) throw new Error(`the dns-gateway lab has no cluster ${DNS_GATEWAY_CLUSTER}`);
  return lab.addresses.loadBalancerAddresses(index, "bookinfo", "eastwest-gateway");
}

/** A resolver that knows nothing until told: ENOTFOUND (a new ELB's name before it is published), then EAST_IPS. */
export function fakeDns() {
  const asked: string[] = [];
  let known = false;
  const lookup: Lookup = async (hostname) => {
    asked.push(hostname);
    if (known && hostname === DNS_GATEWAY_HOSTNAME) return [...EAST_IPS].reverse();
    throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
  };
  return { lookup, asked, answer: () => void (known = true) };
}

export type DnsLab = { env: RegistryLab; fleet: FleetService; registry: RegistryService; deps: WorkspaceDeps; dns: ReturnType<typeof fakeDns>; stop(): Promise<void> };

export async function startDnsLab(): Promise<DnsLab> {
  // Previews and readiness read the console's settings (server/env.ts) once: the lab's gateways publish loopback
  // addresses, accepted only with this setting, as `npm run demo` sets it.
  process.env.EASTWEST_ALLOW_LOOPBACK_GATEWAY_ADDRESSES = "true";
  const env = await startRegistryLab("dns-gateway");
  EAST_IPS.splice(0, EAST_IPS.length, ...eastGatewayAddresses(env.lab));
  const base = parseEnv({ EASTWEST_REGISTRY_MODE: "standalone", EASTWEST_ALLOW_LOOPBACK_GATEWAY_ADDRESSES: "true" }, "/nowhere");
  const settings = { ...base, kubeconfigPaths: [env.lab.kubeconfigPath], managementCluster: "west", probeIntervalMs: 300, probeTimeoutMs: 1_000, listTimeoutMs: 2_000, backoff: { initialMs: 100, maxMs: 400 }, flushIntervalMs: 50 };
  const fleet = startFleetService(settings, () => undefined);
  await fleet.ready();
  const dns = fakeDns();
  const hostnames = createHostnameResolver({ lookup: dns.lookup });
  const host = createPlannerHost({ inProcess: true });
  const model = createFleetModel({ source: fromFleetSource(fleet.snapshots), host, hostnames, managementCluster: "west", allowLoopbackGatewayAddresses: true, freeze: true });
  const registry = startRegistryService({ env: settings, snapshots: fleet.snapshots, handle: fleet.handle, log: () => undefined, model, hostnames });
  const deps = workspaceDepsFrom(fleet, Promise.resolve(registry), model);
  return {
    env, fleet, registry, deps, dns,
    async stop() {
      await registry.stop();
      await model.stop();
      await host.stop();
      hostnames.stop();
      fleet.stop();
      await env.stop();
    },
  };
}

type Mesh = { kind: string; metadata: { name: string; namespace: string; labels?: Record<string, string> }; spec: { address?: string; endpoints?: Array<{ address: string }> } };

/** The console's ServiceEntries and WorkloadEntries in a cluster as the API server has them (kubectl). */
export async function written(env: RegistryLab, cluster: string): Promise<Mesh[]> {
  const out = await env.kubectl(cluster, ["get", "serviceentries,workloadentries", "-A", "-l", `${MANAGED_BY_LABEL}=${MANAGED_BY_VALUE}`, "-o", "json"]);
  return (JSON.parse(out) as { items: Mesh[] }).items;
}

/** `namespace/name` of one kind, sorted: the form of a preview's consequences. */
export const namesOf = (objects: Mesh[], kind: string) => objects.filter((o) => o.kind === kind).map((o) => `${o.metadata.namespace}/${o.metadata.name}`).sort();

/** What a preview promises a cluster will hold of one kind, given what it holds now. */
export function promised(now: string[], change: KindConsequence): string[] {
  return [...now.filter((n) => !change.removed.includes(n)), ...change.added].sort();
}

/** Every endpoint address in the objects (WorkloadEntry address, ServiceEntry endpoints). */
export const addressesOf = (objects: Mesh[]) => objects.flatMap((o) => [...(o.spec.address ? [o.spec.address] : []), ...(o.spec.endpoints ?? []).map((e) => e.address)]);
