// The panel of a service (a cluster runs it) or of a host a cluster consumes only through a ServiceEntry: its
// failover state in the same words as the node it was opened from, the objects behind it, the registry's expected
// versus actual, and the clusters to test it from.
import type { ClusterSnapshot, FleetSnapshot } from "@/lib/fleet/snapshot-types";
import { parseServiceFqdn } from "@/lib/names/fqdn";
import type { ServicePropagation } from "@/lib/registry/propagation";
import type { TopologyRow } from "@/lib/topology/types";
import type { ModelState } from "@/server/model/types";
import { nodeObjects } from "./node-objects";
import { registryView } from "./registry-view";
import { cellKey, type Scope } from "./scope";
import { firstPort, serviceTests } from "./test-command";
import type { NodeDetails, NodeFact } from "./types";

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec | undefined => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Rec) : undefined);

/** The Service's ports in the first cluster of `rows` that runs it (a consumer's cluster has no Service to read). */
function portsOf(snapshot: FleetSnapshot, fqdn: string, rows: readonly TopologyRow[]): Array<{ port: number }> {
  const ref = parseServiceFqdn(fqdn);
  if (!ref) return [];
  for (const row of rows) {
    if (row.state === "remote-only") continue;
    const ports = rec(snapshot.clusters.find((c) => c.name === row.cluster)?.objects.Service.get(`${ref.namespace}/${ref.name}`)?.spec)?.ports;
    if (Array.isArray(ports)) return ports.flatMap((p) => { const port = rec(p)?.port; return typeof port === "number" ? [{ port }] : []; });
  }
  return [];
}

function facts(row: TopologyRow, more: number): NodeFact[] {
  const out: NodeFact[] = [{ label: "Namespace", value: row.namespace }];
  if (row.targets.length > 0) out.push({ label: row.state === "failed-over" || row.state === "remote-only" ? "Traffic goes to" : "Fails over to", value: row.targets.map((t) => `${t.cluster} (${t.gateway})`).join(", then ") });
  if (more > 0) out.push({ label: "Not shown", value: `${more} more objects` });
  return out;
}

function testsNote(state: ModelState, fqdn: string, from: readonly TopologyRow[]): Pick<NodeDetails, "testsNote"> {
  if (from.length === 0) return { testsNote: `No other cluster in scope runs or consumes ${fqdn}.` };
  const stale = from.filter((r) => state.snapshot.clusters.find((c) => c.name === r.cluster)?.state === "stale").map((r) => r.cluster);
  return stale.length > 0 ? { testsNote: `${stale.join(", ")} cannot be seen now: kubectl may not reach it either.` } : {};
}

export type ServiceInputs = {
  base: Pick<NodeDetails, "id" | "cluster" | "computedAt">;
  state: ModelState;
  scope: Scope;
  c: ClusterSnapshot;
  row: TopologyRow;
  propagation: readonly ServicePropagation[] | undefined;
};

export function serviceDetails({ base, state, scope, c, row, propagation }: ServiceInputs): NodeDetails {
  const remoteOnly = row.state === "remote-only";
  const { objects, more } = nodeObjects(c, { kind: remoteOnly ? "service-entry" : "service", cluster: c.name, fqdn: row.fqdn });
  const all = scope.rows.byFqdn.get(row.fqdn) ?? [row];
  // A host consumed remotely is tested from its own cluster (that is where its ServiceEntry routes); a service a
  // cluster runs, from each other cluster that runs or consumes it.
  const from = remoteOnly ? [row] : all.filter((x) => x.cluster !== c.name);
  return {
    ...base,
    kind: remoteOnly ? "service-entry" : "service",
    title: row.fqdn,
    state: { kind: row.state, words: row.words, ...(row.reasonWords ? { reasonWords: row.reasonWords } : {}), sentence: row.sentence },
    facts: facts(row, more),
    objects,
    registry: registryView(state, c.name, row.fqdn, propagation),
    tests: serviceTests(row.fqdn, row.namespace, firstPort(portsOf(state.snapshot, row.fqdn, all)), c.name, from),
    ...testsNote(state, row.fqdn, from),
    workspaces: scope.workspaces.get(cellKey(c.name, row.fqdn)) ?? [],
    ...(remoteOnly ? {} : { whatIf: { kind: "instance" as const, cluster: c.name, fqdn: row.fqdn } }),
  };
}
