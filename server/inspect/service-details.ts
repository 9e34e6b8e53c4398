// The panel of a service (a cluster runs it) or of a host a cluster consumes only through a ServiceEntry: its
// failover state in the same words as every page, the objects behind it, the registry's expected versus actual,
// and the clusters to test it from.
import type { ClusterSnapshot, FleetSnapshot } from "@/lib/fleet/snapshot-types";
import { parseServiceFqdn } from "@/lib/names/fqdn";
import type { ServicePropagation } from "@/lib/registry/propagation";
import type { FailoverCell } from "@/lib/workspace-view/types";
import type { ModelState } from "@/server/model/types";
import type { Groups } from "./group-index";
import type { NodeRef } from "./node-id";
import { nodeObjects } from "./node-objects";
import { registryView } from "./registry-view";
import type { Scope, ScopedCell } from "./scope";
import { firstPort, serviceTests } from "./test-command";
import type { NodeDetails, NodeFact } from "./types";

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec | undefined => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Rec) : undefined);

/** The Service's ports in the first cluster of `cells` that runs it (a consumer's cluster has no Service to read). */
function portsOf(snapshot: FleetSnapshot, fqdn: string, cells: readonly FailoverCell[]): Array<{ port: number }> {
  const ref = parseServiceFqdn(fqdn);
  if (!ref) return [];
  for (const cell of cells) {
    if (cell.kind === "remote-only") continue;
    const service = snapshot.clusters.find((c) => c.name === cell.cluster)?.objects.Service.get(`${ref.namespace}/${ref.name}`);
    const ports = rec(service?.spec)?.ports;
    if (Array.isArray(ports)) return ports.flatMap((p) => (typeof rec(p)?.port === "number" ? [{ port: rec(p)?.port as number }] : []));
  }
  return [];
}

function facts(cell: FailoverCell, more: number): NodeFact[] {
  const out: NodeFact[] = [{ label: "Namespace", value: cell.namespace }];
  if (cell.targets.length > 0) out.push({ label: cell.kind === "failed-over" || cell.kind === "remote-only" ? "Traffic goes to" : "Fails over to", value: cell.targets.map((t) => `${t.cluster} (${t.gateway})`).join(", then ") });
  if (more > 0) out.push({ label: "Not shown", value: `${more} more objects` });
  return out;
}

export type ServiceInputs = {
  base: Pick<NodeDetails, "id" | "cluster" | "computedAt">;
  state: ModelState;
  scope: Scope;
  groups: Groups;
  c: ClusterSnapshot;
  ref: Extract<NodeRef, { fqdn: string }>;
  scoped: ScopedCell;
  propagation: readonly ServicePropagation[] | undefined;
};

export function serviceDetails({ base, state, groups, c, ref, scoped, propagation }: ServiceInputs): NodeDetails {
  const { cell, workspaces } = scoped;
  const remoteOnly = cell.kind === "remote-only";
  const { objects, more } = nodeObjects(c, { ...ref, kind: remoteOnly ? "service-entry" : "service" });
  const all = groups.byFqdn.get(cell.fqdn) ?? [cell];
  const port = firstPort(portsOf(state.snapshot, cell.fqdn, all));
  // A host consumed remotely is tested from its own cluster (that is where the ServiceEntry routes); a service a
  // cluster runs, from each other cluster that runs or consumes it.
  const from = remoteOnly ? [cell] : all.filter((x) => x.cluster !== c.name);
  const stale = state.snapshot.clusters.filter((x) => x.state === "stale").map((x) => x.name);
  return {
    ...base,
    kind: remoteOnly ? "service-entry" : "service",
    title: cell.fqdn,
    state: { kind: cell.kind, words: cell.words, ...(cell.reasonWords ? { reasonWords: cell.reasonWords } : {}), sentence: cell.sentence },
    facts: facts(cell, more),
    objects,
    registry: registryView(state, c.name, cell.fqdn, propagation),
    tests: serviceTests(cell.fqdn, cell.namespace, port, c.name, from),
    ...(from.length === 0 ? { testsNote: `No other cluster of the workspace runs or consumes ${cell.fqdn}.` } : stale.some((s) => from.some((f) => f.cluster === s)) ? { testsNote: `Stale clusters (${stale.join(", ")}) may not answer kubectl either.` } : {}),
    workspaces,
    ...(remoteOnly ? {} : { whatIf: { kind: "instance" as const, cluster: c.name, fqdn: cell.fqdn } }),
  };
}
