// What a cluster's istiod keeps of its own API: the objects that decide where a sidecar sends a request, indexed
// so that one lookup costs what one service has, not what the cluster has (the scale scenario has 500 services
// per cluster). Fed one watch event at a time (mesh-view.ts applies them at each debounced push).
import type { KubeObject, StoredEvent } from "../apiserver/types";
import { canonicalHost, resolveShortName } from "./host-match";

export type IndexedKind = "Service" | "EndpointSlice" | "WorkloadEntry" | "ServiceEntry" | "DestinationRule" | "Node" | "Pod" | "Namespace";

const SERVICE_NAME_LABEL = "kubernetes.io/service-name";
export const SYSTEM_NAMESPACE = "istio-system";

const keyOf = (obj: KubeObject): string => `${obj.metadata.namespace ?? ""}/${obj.metadata.name ?? ""}`;

function bucket<K, V>(map: Map<K, Map<string, V>>, key: K): Map<string, V> {
  let inner = map.get(key);
  if (!inner) map.set(key, (inner = new Map()));
  return inner;
}

function unbucket<K, V>(map: Map<K, Map<string, V>>, key: K, name: string): void {
  const inner = map.get(key);
  inner?.delete(name);
  if (inner?.size === 0) map.delete(key);
}

function specOf(obj: KubeObject): Record<string, unknown> {
  const spec = obj.spec;
  return typeof spec === "object" && spec !== null ? (spec as Record<string, unknown>) : {};
}

/** A WorkloadEntry's `spec.labels` (what selectors select it by). */
export function entryLabels(we: KubeObject): Record<string, string> {
  const labels = specOf(we).labels;
  if (typeof labels !== "object" || labels === null) return {};
  return Object.fromEntries(Object.entries(labels).filter((e): e is [string, string] => typeof e[1] === "string"));
}

function hostsOf(obj: KubeObject): string[] {
  const hosts = specOf(obj).hosts;
  return Array.isArray(hosts) ? hosts.filter((h): h is string => typeof h === "string").map(canonicalHost) : [];
}

export class MeshIndex {
  readonly services = new Map<string, KubeObject>();
  /** EndpointSlices by the "<ns>/<service>" they belong to, then slice name. */
  readonly slices = new Map<string, Map<string, KubeObject>>();
  private readonly sliceService = new Map<string, string>();
  /** WorkloadEntries by namespace, then name. */
  readonly workloadEntries = new Map<string, Map<string, KubeObject>>();
  /** WorkloadEntries by "<ns>\0<label>=<value>" for each of their labels, then name: a selector looks up one pair. */
  private readonly entriesByLabel = new Map<string, Map<string, KubeObject>>();
  /** ServiceEntries by each of their hosts (canonical), then "<ns>/<name>". */
  readonly serviceEntries = new Map<string, Map<string, KubeObject>>();
  private readonly serviceEntryHosts = new Map<string, string[]>();
  /** DestinationRules by resolved host ("*" and "*.suffix" kept as written), then "<ns>/<name>". */
  readonly destinationRules = new Map<string, Map<string, KubeObject>>();
  private readonly ruleHost = new Map<string, string>();
  readonly nodeLabels = new Map<string, Record<string, string>>();
  readonly podLabels = new Map<string, Record<string, string>>();
  /** Labels of the istio-system namespace (its `topology.istio.io/network` names the cluster's network). */
  systemNamespaceLabels: Record<string, string> = {};

  apply(kind: IndexedKind, event: StoredEvent): void {
    const obj = event.object;
    const gone = event.type === "DELETED";
    switch (kind) {
      case "Service":
        if (gone) this.services.delete(keyOf(obj));
        else this.services.set(keyOf(obj), obj);
        return;
      case "EndpointSlice":
        return this.applySlice(obj, gone);
      case "WorkloadEntry":
        return this.applyWorkloadEntry(obj, gone);
      case "ServiceEntry":
        return this.applyServiceEntry(obj, gone);
      case "DestinationRule":
        return this.applyRule(obj, gone);
      case "Node":
        if (gone) this.nodeLabels.delete(obj.metadata.name ?? "");
        else this.nodeLabels.set(obj.metadata.name ?? "", obj.metadata.labels ?? {});
        return;
      case "Pod":
        if (gone) this.podLabels.delete(keyOf(obj));
        else this.podLabels.set(keyOf(obj), obj.metadata.labels ?? {});
        return;
      case "Namespace":
        if (obj.metadata.name === SYSTEM_NAMESPACE) this.systemNamespaceLabels = gone ? {} : (obj.metadata.labels ?? {});
        return;
    }
  }

  /** WorkloadEntries of `namespace` whose spec.labels hold every pair of `selector` (non-empty). */
  selectEntries(namespace: string, selector: Record<string, string>): KubeObject[] {
    const pairs = Object.entries(selector);
    let smallest: Map<string, KubeObject> | undefined;
    for (const [k, v] of pairs) {
      const found = this.entriesByLabel.get(`${namespace}\0${k}=${v}`);
      if (!found) return [];
      if (!smallest || found.size < smallest.size) smallest = found;
    }
    return [...(smallest?.values() ?? [])].filter((we) => pairs.every(([k, v]) => entryLabels(we)[k] === v));
  }

  private applyWorkloadEntry(obj: KubeObject, gone: boolean): void {
    const ns = obj.metadata.namespace ?? "";
    const name = obj.metadata.name ?? "";
    const before = this.workloadEntries.get(ns)?.get(name);
    if (before) for (const [k, v] of Object.entries(entryLabels(before))) unbucket(this.entriesByLabel, `${ns}\0${k}=${v}`, name);
    if (gone) return unbucket(this.workloadEntries, ns, name);
    bucket(this.workloadEntries, ns).set(name, obj);
    for (const [k, v] of Object.entries(entryLabels(obj))) bucket(this.entriesByLabel, `${ns}\0${k}=${v}`).set(name, obj);
  }

  private applySlice(obj: KubeObject, gone: boolean): void {
    const key = keyOf(obj);
    const before = this.sliceService.get(key);
    if (before !== undefined) unbucket(this.slices, before, obj.metadata.name ?? "");
    this.sliceService.delete(key);
    const service = obj.metadata.labels?.[SERVICE_NAME_LABEL];
    if (gone || service === undefined) return;
    const owner = `${obj.metadata.namespace ?? ""}/${service}`;
    bucket(this.slices, owner).set(obj.metadata.name ?? "", obj);
    this.sliceService.set(key, owner);
  }

  private applyServiceEntry(obj: KubeObject, gone: boolean): void {
    const key = keyOf(obj);
    for (const host of this.serviceEntryHosts.get(key) ?? []) unbucket(this.serviceEntries, host, key);
    this.serviceEntryHosts.delete(key);
    if (gone) return;
    const hosts = hostsOf(obj);
    for (const host of hosts) bucket(this.serviceEntries, host).set(key, obj);
    this.serviceEntryHosts.set(key, hosts);
  }

  private applyRule(obj: KubeObject, gone: boolean): void {
    const key = keyOf(obj);
    const before = this.ruleHost.get(key);
    if (before !== undefined) unbucket(this.destinationRules, before, key);
    this.ruleHost.delete(key);
    const host = specOf(obj).host;
    if (gone || typeof host !== "string" || host === "") return;
    const resolved = resolveShortName(host, obj.metadata.namespace ?? "");
    bucket(this.destinationRules, resolved).set(key, obj);
    this.ruleHost.set(key, resolved);
  }
}
