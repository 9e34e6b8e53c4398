// Shadow WorkloadEntries (domain.md §2, §3.4): a cluster that runs an exposed service gets, in the service's
// namespace, one WorkloadEntry per address of each *other* source cluster's gateway. They carry the local
// Service's selector labels, so the local Service selects them like pods and its clients fail over to them;
// Istio maps a Service port to a WorkloadEntry port by port *name*, hence `ports: {<portName>: 15443}`.
import { shadowHash, shadowWorkloadEntryName } from "@/lib/names/object-names";
import type { Condition } from "./conditions";
import { buildPrepared, prepareDraft, type DesiredObject, type Hash, type PreparedDraft } from "./desired";
import type { Instance } from "./exposure";
import { EAST_WEST_PORT } from "./gateways";
import { meshPorts } from "./istio-protocol";
import { stableStringify, type JsonObject } from "./json";
import { TLS_MODE_LABEL, type BuildResult, type Placed } from "./placed";
import type { ModelService, Source, WorkspaceModel } from "./workspace-model";

/** Why `local` cannot take shadow WorkloadEntries, if it cannot. */
export function unusable(model: WorkspaceModel, local: Instance, svc: ModelService): Condition | undefined {
  const cluster = local.cluster.name;
  const base = { workspace: model.name, cluster, subject: `Service ${svc.namespace}/${svc.name}` };
  if (Object.keys(local.service.selector).length === 0) {
    const message = `${svc.fqdn} in ${cluster} has no selector, so shadow WorkloadEntries cannot join it; it will not fail over.`;
    return { ...base, severity: "warning", reason: "ServiceWithoutSelector", message };
  }
  if (meshPorts(local.service.ports).some((p) => p.name === "")) {
    const message = `${svc.fqdn} in ${cluster} has an unnamed port; WorkloadEntries map ports by name, so name it (e.g. http) to enable failover.`;
    return { ...base, severity: "warning", reason: "UnnamedServicePort", message };
  }
  return undefined;
}

/** What a pair's shadows share: everything of the spec but the address (one object per gateway address). */
function shadowSpecBase(local: Instance, source: Source): JsonObject {
  const ports = Object.fromEntries(meshPorts(local.service.ports).map((p) => [p.name, EAST_WEST_PORT]));
  return {
    labels: { ...local.service.selector, [TLS_MODE_LABEL]: "istio" },
    ports,
    ...(source.cluster.network ? { network: source.cluster.network } : {}),
    ...(source.cluster.locality ? { locality: source.cluster.locality } : {}),
  };
}

/**
 * The shadows one service's previous build made, by what each (local, source) pair's objects depend on, so a
 * rebuild of the service (another source came or went: a gateway removed changes every service) reuses the
 * objects of the pairs that did not change instead of building and hashing them again (the shadows are most
 * of the plan: one per consumer cluster × source cluster × gateway address). `identity` numbers Services by
 * object identity (inputs are immutable, as for the planner's service keys).
 */
export type ShadowMemo = { previous: ReadonlyMap<string, Placed[]> | undefined; next: Map<string, Placed[]>; identity: (o: object) => number };

// Everything shadowsFrom reads, in two halves (the local one, the source one), each JSON computed once per local
// or source of the service rather than once per pair; NUL never occurs in JSON, so the join is unambiguous.
const localKey = (model: WorkspaceModel, svc: ModelService, local: Instance, memo: ShadowMemo) =>
  JSON.stringify([model.name, model.settingRef, svc.fqdn, svc.namespace, svc.name, local.cluster.name, memo.identity(local.service)]);
const sourceKey = ({ cluster, gateway }: Source) => JSON.stringify([cluster.name, cluster.network ?? null, cluster.locality ?? null, gateway.addresses]);

/**
 * A shadow's spec as stableStringify writes it, from the pair's shared part (`rest`: the base's stable JSON without
 * its opening brace): "address" sorts before every other key of the spec (labels, locality, network, ports).
 */
export function shadowSpecJson(address: string, rest: string): string {
  return `{"address":${JSON.stringify(address)}${rest === "}" ? "" : ","}${rest}`;
}

/**
 * What a (local, source) pair's shadows share: everything but their names' index and their addresses. `objects`:
 * the shadows themselves, built for the first pair of these parts and placed as they are for the others.
 */
type PairParts = { prepared: PreparedDraft; base: JsonObject; rest: string; nameHash: string; objects?: DesiredObject[] };
type PairPartsOf = (local: Instance, shape: string, sourceIndex: number) => PairParts;

/**
 * A pair's parts depend on the local Service only through its selector and its mesh ports' names (its "shape",
 * localShape), and on the source. A service's locals mostly share one shape, so the parts are worked out once per
 * (shape, source) of the service, not once per pair: a cold plan at 20 × 500 has 190,000 pairs. So are the
 * shadows: a source's shadows are the same objects in every local cluster of that shape (names, labels and spec
 * do not depend on the local cluster), built and hashed once instead of once per cluster. Planned objects are
 * immutable, and every reader keys what it derives for a cluster by the cluster's list, not by the object.
 */
function pairPartsOf(model: WorkspaceModel, svc: ModelService, contentHash?: Hash): PairPartsOf {
  const cache = new Map<string, PairParts>();
  return (local, shape, i) => {
    const key = `${i}\u0000${shape}`;
    let parts = cache.get(key);
    if (!parts) {
      const source = svc.sources[i] as Source;
      const provenance = { workspaces: [model.name], settings: [model.settingRef], sourceClusters: [source.cluster.name], services: [svc.fqdn] };
      const prepared = prepareDraft({ kind: "WorkloadEntry", namespace: svc.namespace, provenance, labels: local.service.selector });
      const base = shadowSpecBase(local, source);
      parts = { prepared, base, rest: stableStringify(base).slice(1), nameHash: shadowHash(source.cluster.name, svc.namespace, svc.name, contentHash) };
      cache.set(key, parts);
    }
    return parts;
  };
}

/** Everything of the local Service that a pair's parts read (shadowSpecBase, the labels). */
const localShape = (local: Instance) => stableStringify([local.service.selector, meshPorts(local.service.ports).map((p) => p.name)]);

function shadowsFrom(local: Instance, svc: ModelService, source: Source, parts: PairParts, contentHash?: Hash): Placed[] {
  parts.objects ??= source.gateway.addresses.map((address, index) =>
    buildPrepared(parts.prepared, shadowWorkloadEntryName(svc.name, parts.nameHash, index), { address, ...parts.base }, contentHash, shadowSpecJson(address, parts.rest)),
  );
  return parts.objects.map((object) => ({ cluster: local.cluster.name, object }));
}

type Memoised = { memo: ShadowMemo; sourceKeys: string[] };

function shadowsFor(model: WorkspaceModel, svc: ModelService, local: Instance, partsOf: PairPartsOf, hash?: Hash, memoised?: Memoised): Placed[] {
  const out: Placed[] = [];
  const prefix = memoised && `${localKey(model, svc, local, memoised.memo)}\u0000`;
  const shape = localShape(local);
  svc.sources.forEach((source, i) => {
    if (source.cluster.name === local.cluster.name) return;
    const build = () => shadowsFrom(local, svc, source, partsOf(local, shape, i), hash);
    let shadows: Placed[];
    if (!memoised) shadows = build();
    else {
      const key = `${prefix}${memoised.sourceKeys[i]}`;
      shadows = memoised.memo.previous?.get(key) ?? build();
      memoised.memo.next.set(key, shadows);
    }
    for (const p of shadows) out.push(p);
  });
  return out;
}

/** Whether `local` gets shadow WorkloadEntries: a remote source exists and the local Service can select them. */
export function getsShadows(model: WorkspaceModel, svc: ModelService, local: Instance): boolean {
  return svc.sources.some((s) => s.cluster.name !== local.cluster.name) && unusable(model, local, svc) === undefined;
}

/** One service's shadow WorkloadEntries (the planner memoises per service; see planner.ts). */
export function workloadEntriesFor(model: WorkspaceModel, svc: ModelService, hash?: Hash, memo?: ShadowMemo): BuildResult {
  const result: BuildResult = { placed: [], conditions: [] };
  const memoised = memo && { memo, sourceKeys: svc.sources.map(sourceKey) };
  const partsOf = pairPartsOf(model, svc, hash);
  for (const local of svc.instances) {
    const hasRemote = svc.sources.some((s) => s.cluster.name !== local.cluster.name);
    const problem = hasRemote ? unusable(model, local, svc) : undefined;
    if (problem) result.conditions.push(problem);
    else for (const p of shadowsFor(model, svc, local, partsOf, hash, memoised)) result.placed.push(p);
  }
  return result;
}

export function workloadEntries(model: WorkspaceModel): BuildResult {
  const parts = model.services.map((svc) => workloadEntriesFor(model, svc));
  return { placed: parts.flatMap((p) => p.placed), conditions: parts.flatMap((p) => p.conditions) };
}
