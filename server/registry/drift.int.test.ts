// Drift against the lab: a hand edit of a managed field of a generated ServiceEntry, WorkloadEntry,
// DestinationRule and Gateway — the annotations kept, so the content hash still matches — is reported as
// drift, repaired within one resync (applied with force, since another manager now owns the edited field),
// and recorded as a DriftRepaired Event in the object's namespace; a resync with nothing changed writes 0.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MANAGED_BY_LABEL, MANAGED_BY_VALUE } from "@/lib/plan/desired";
import type { FleetLister } from "@/server/kube/writer-fleet-lister";
import type { Registry } from "./controller";
import { computeFleetState } from "./fleet-state";
import { buildStatus } from "./status";
import { startConvergedRegistryLab, startLabRegistry, type RegistryLab, type WriteLog } from "./test/lab-fixture";

let env: RegistryLab;
let lister: FleetLister;
let registry: Registry;
const log: WriteLog = [];

type Live = { metadata: { name: string; namespace: string; resourceVersion: string; annotations: Record<string, string>; managedFields: Array<{ manager: string }> }; spec: Record<string, unknown> };

const RESOURCES = { ServiceEntry: "serviceentries", WorkloadEntry: "workloadentries", DestinationRule: "destinationrules", Gateway: "gateways.networking.istio.io" } as const;
type Kind = keyof typeof RESOURCES;

async function generated(context: string, kind: Kind): Promise<Live[]> {
  const out = await env.kubectl(context, ["get", RESOURCES[kind], "-A", "-l", `${MANAGED_BY_LABEL}=${MANAGED_BY_VALUE}`, "-o", "json", "--show-managed-fields"]);
  return (JSON.parse(out) as { items: Live[] }).items;
}

async function get(context: string, kind: Kind, o: Live): Promise<Live> {
  return JSON.parse(await env.kubectl(context, ["get", RESOURCES[kind], o.metadata.name, "-n", o.metadata.namespace, "-o", "json", "--show-managed-fields"])) as Live;
}

/** Each edit: a merge patch by a person (kubectl's own field manager), of one field the registry manages. */
const EDITS: Array<{ kind: Kind; context: string; patch: object; field: string }> = [
  { kind: "ServiceEntry", context: "north", patch: { spec: { endpoints: [{ address: "203.0.113.99", ports: { http: 15443 } }] } }, field: "spec.endpoints" },
  { kind: "WorkloadEntry", context: "west", patch: { spec: { address: "203.0.113.99" } }, field: "spec.address" },
  { kind: "DestinationRule", context: "west", patch: { spec: { trafficPolicy: { outlierDetection: { consecutiveGatewayErrors: 1 } } } }, field: "spec.trafficPolicy.outlierDetection.consecutiveGatewayErrors" },
  { kind: "Gateway", context: "west", patch: { spec: { selector: { app: "somewhere-else" } } }, field: "spec.selector" },
  { kind: "WorkloadEntry", context: "east", patch: { metadata: { labels: { [MANAGED_BY_LABEL]: MANAGED_BY_VALUE, "eastwest-console.io/source-cluster": "nowhere" } } }, field: "metadata.labels.eastwest-console.io/source-cluster" },
];

beforeAll(async () => {
  ({ env, lister, registry } = await startConvergedRegistryLab(log));
}, 90_000);

afterAll(async () => {
  await registry.stop();
  await env.stop();
});

describe("drift", () => {
  it.each(EDITS)("a hand edit of $field of a generated $kind in $context is reported, then repaired within one resync, with an Event", async ({ kind, context, patch, field }) => {
    const [target] = await generated(context, kind);
    if (!target) throw new Error(`no generated ${kind} in ${context}`);
    const before = await get(context, kind, target);
    await env.kubectl(context, ["patch", RESOURCES[kind], target.metadata.name, "-n", target.metadata.namespace, "--type", "merge", "-p", JSON.stringify(patch)]);
    const edited = await get(context, kind, target);
    expect(edited.metadata.annotations).toEqual(before.metadata.annotations);
    expect(edited.metadata.resourceVersion).not.toBe(before.metadata.resourceVersion);

    // The status no longer says "in sync": the hash still matches, the field does not.
    await lister.refresh();
    const status = buildStatus({ mode: "standalone", leader: false, identity: "t", lastReconcileAt: null, state: computeFleetState(lister.current(), { managementCluster: "west", allowLoopbackGatewayAddresses: true }), writeConditions: [], writes: { applied: 0, deleted: 0, failed: 0 } });
    const report = status.clusters.find((c) => c.cluster === context);
    expect(report?.different.map((d) => `${d.kind} ${d.namespace}/${d.name}`)).toEqual([`${kind} ${target.metadata.namespace}/${target.metadata.name}`]);
    expect(report?.different[0]?.reason).toContain(field);
    expect(report?.inSync).toBe((report?.expected ?? 0) - 1);

    // One resync repairs it: forced (kubectl now owns the field), the Event names the field.
    const written = log.length;
    await registry.reconcileNow();
    const id = `${kind} ${target.metadata.namespace}/${target.metadata.name}`;
    expect(log.slice(written)).toEqual([{ cluster: context, op: "apply", id, force: true }, { cluster: context, op: "event", id }]);
    const repaired = await get(context, kind, target);
    expect(repaired.spec).toEqual(before.spec);
    expect(repaired.metadata.annotations).toEqual(before.metadata.annotations);
    const events = JSON.parse(await env.kubectl(context, ["get", "events", "-n", target.metadata.namespace, "-o", "json"])) as { items: Array<{ reason: string; message: string; involvedObject: { kind: string; name: string } }> };
    const event = events.items.find((e) => e.reason === "DriftRepaired" && e.involvedObject.kind === kind && e.involvedObject.name === target.metadata.name);
    expect(event?.message).toContain(field);

    // And then a resync with nothing changed writes nothing.
    const settled = log.length;
    await lister.refresh();
    await registry.reconcileNow();
    await registry.reconcileNow();
    expect(log.slice(settled)).toEqual([]);
  });

  it("a fresh replica finds nothing drifted and writes nothing", async () => {
    await lister.refresh();
    const freshLog: WriteLog = [];
    const fresh = startLabRegistry(env, lister, freshLog);
    await fresh.reconcileNow();
    const status = fresh.status();
    await fresh.stop();
    expect(freshLog).toEqual([]);
    for (const c of status.clusters) expect([c.cluster, c.different, c.inSync]).toEqual([c.cluster, [], c.expected]);
  });
});
