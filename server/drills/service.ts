// The DrillService (types.ts) over the fleet snapshot and the drill runner's cluster operations: lists and details
// read the cache (no request reaches a cluster), plan and start check the input first (refusals as data), start
// installs the CRD where it is missing and creates the drill object — the runner, on whichever replica leads,
// picks it up from the cache like a drill applied with kubectl — and abort sets spec.abort. Start and abort are
// written as the person who asked (the caller's actor: the cluster's RBAC decides) and told to the audit sink;
// the CRD, where missing, is installed with the console's own credentials: it is the console's infrastructure
// (deploy/rbac grants it), the same manifest whoever clicks, and a person needs no right on CRDs to run a drill.
import { drillName, SERVICE_LABEL } from "@/lib/drills/drill-manifest";
import { DRILL_API_VERSION, DRILL_KIND } from "@/lib/drills/schema";
import { MANAGED_BY_LABEL, MANAGED_BY_VALUE } from "@/lib/drills/probe-pod";
import type { FleetSnapshot } from "@/lib/fleet/snapshot-types";
import type { FleetSnapshotSource } from "@/server/fleet/snapshot";
import type { Actor } from "@/server/auth/identity";
import type { AuditEntry } from "@/server/audit/types";
import { auditOutcome } from "@/server/kube/audit-outcome";
import type { ConsoleFailure } from "@/server/kube/console-outcome";
import type { DrillClient } from "@/server/kube/drill-client";
import { parseDrill, isFinal } from "./cluster-facts";
import { crdState, installCrd } from "./crd-install";
import type { FailoverFacts } from "./failover-facts";
import { checkInput } from "./input-checks";
import { planOf } from "./plan";
import { drillDetail, listDrills } from "./summaries";
import type { DrillAbort, DrillCaller, DrillInput, DrillRefusal, DrillService, DrillStart } from "./types";

export type DrillServiceDeps = {
  snapshots: FleetSnapshotSource;
  /** The cluster's client; with an actor, one whose writes act as that person (absent: the console's own). */
  clientFor: (cluster: string, actor?: Actor) => DrillClient | undefined;
  failover: (cluster: string, namespace: string, service: string) => Promise<FailoverFacts>;
  now?: () => number;
  /** How long start waits for a just-installed CRD to be served. */
  crdTimeoutMs?: number;
  /** Names new drills (tests fix it). */
  nameFor?: (service: string, now: number) => string;
};

/** `details-20261205-062512-k3f9`: the service, when, and a little randomness against two clicks in one second. */
export function defaultDrillName(service: string, now: number): string {
  return drillName(service, now, Math.random().toString(36).slice(2, 6));
}

const unreachable = (cluster: string): DrillRefusal => ({ code: "stale-cluster", field: "cluster", message: `The console has no usable connection to ${cluster}.` });

/** Records a drill write once the cluster answered (never blocks: the sink returns at once). */
function audited(caller: DrillCaller | undefined, cluster: string, verb: "start-drill" | "abort-drill", ref: { namespace: string; name: string }, outcome: { ok: true; object?: { metadata: { uid?: string } } } | ({ ok: false } & ConsoleFailure)): void {
  const uid = outcome.ok ? outcome.object?.metadata.uid : undefined;
  const object: AuditEntry["object"] = { apiVersion: DRILL_API_VERSION, kind: DRILL_KIND, namespace: ref.namespace, name: ref.name, ...(uid ? { uid } : {}) };
  caller?.audit?.record({ actor: caller.actor, cluster, verb, object, ...auditOutcome(outcome) });
}

/** A write the cluster refused for the person (403) is said as what they may not do; others say which cluster. */
const refusedSaying = (failure: ConsoleFailure, prefix: string) => (failure.kind === "rejected" && failure.status === 403 ? failure.message : `${prefix}: ${failure.message}`);

export function createDrillService(deps: DrillServiceDeps): DrillService & { stop(): void } {
  const now = deps.now ?? (() => Date.now());
  const inputDeps = { snapshot: deps.snapshots.current, failover: deps.failover, now };
  let version = 0;
  const listeners = new Set<(version: number) => void>();
  // A new version when any cluster's drills or its sync state changed (what list/get answer from).
  let seen = new Map<string, unknown>();
  const unsubscribe = deps.snapshots.subscribe((snapshot: FleetSnapshot) => {
    const next = new Map(snapshot.clusters.map((c) => [c.name, [c.objects.FailoverDrill, c.state] as unknown]));
    const changed = next.size !== seen.size || snapshot.clusters.some((c) => {
      const before = seen.get(c.name) as [unknown, unknown] | undefined;
      return !before || before[0] !== c.objects.FailoverDrill || before[1] !== c.state;
    });
    seen = new Map(snapshot.clusters.map((c) => [c.name, [c.objects.FailoverDrill, c.state]]));
    if (!changed) return;
    version += 1;
    for (const listener of listeners) listener(version);
  });

  /** What plan and start both check first: the input, a connection to the cluster, whether it has the CRD. */
  async function prepare(input: DrillInput, actor: Actor | undefined) {
    const checked = await checkInput(inputDeps, input);
    if (!checked.ok) return checked;
    const client = deps.clientFor(input.cluster, actor);
    if (!client) return { ok: false as const, refusal: unreachable(input.cluster) };
    const crd = await crdState(client, input.namespace);
    if (!crd.ok) return crd;
    return { ok: true as const, checked, client, installed: crd.installed };
  }

  return {
    list: (filter) => listDrills(deps.snapshots.current(), filter),
    get: (ref) => drillDetail(deps.snapshots.current(), ref),
    async plan(input, caller) {
      const prepared = await prepare(input, caller?.actor);
      if (!prepared.ok) return prepared;
      return planOf(prepared.checked, prepared.installed ? "installed" : "missing-will-install");
    },
    async start(input, caller): Promise<DrillStart> {
      const prepared = await prepare(input, caller?.actor);
      if (!prepared.ok) return prepared;
      const { checked, client } = prepared;
      if (!prepared.installed) {
        const own = deps.clientFor(input.cluster);
        if (!own) return { ok: false, refusal: unreachable(input.cluster) };
        const installed = await installCrd(own, input.namespace, deps.crdTimeoutMs ?? 10_000);
        if (!installed.ok) return installed;
      }
      const name = (deps.nameFor ?? defaultDrillName)(input.service, now());
      const labels = { [MANAGED_BY_LABEL]: MANAGED_BY_VALUE, [SERVICE_LABEL]: input.service };
      const created = await client.drills.create({ namespace: input.namespace, name, spec: checked.drill.spec, labels });
      audited(caller, input.cluster, "start-drill", { namespace: input.namespace, name }, created);
      if (!created.ok) {
        const code = created.kind === "unreachable" ? "stale-cluster" : created.kind === "rejected" && created.status === 403 ? "forbidden" : "crd-missing";
        return { ok: false, refusal: { code, field: "cluster", message: refusedSaying(created, `${input.cluster} did not accept the drill`) } };
      }
      return { ok: true, ref: { cluster: input.cluster, namespace: input.namespace, name } };
    },
    async abort(ref, caller): Promise<DrillAbort> {
      const object = deps.snapshots.current().clusters.find((c) => c.name === ref.cluster)?.objects.FailoverDrill.get(`${ref.namespace}/${ref.name}`);
      const drill = object ? parseDrill(object) : undefined;
      if (!drill) return { ok: false, refusal: { code: "not-found", message: `There is no drill ${ref.namespace}/${ref.name} in ${ref.cluster}.` } };
      if (isFinal(drill)) return { ok: false, refusal: { code: "finished", message: `Drill ${ref.name} has already finished (${drill.status?.phase ?? ""}).` } };
      const client = deps.clientFor(ref.cluster, caller?.actor);
      if (!client) return { ok: false, refusal: unreachable(ref.cluster) };
      const done = await client.drills.abort({ namespace: ref.namespace, name: ref.name }, drill.spec);
      audited(caller, ref.cluster, "abort-drill", ref, done);
      if (done.ok) return { ok: true };
      const code = done.kind === "unreachable" ? "stale-cluster" : done.kind === "rejected" && done.status === 403 ? "forbidden" : done.kind === "rejected" && done.status === 404 ? "not-found" : "stale-cluster";
      return { ok: false, refusal: { code, message: refusedSaying(done, `${ref.cluster} did not take the abort`) } };
    },
    version: () => version,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop: unsubscribe,
  };
}
