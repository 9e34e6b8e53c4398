// Integration against the `dns-gateway` lab (east's load balancer publishes only `east-gw.lab.internal`, as an AWS
// ELB does): the exposure preview, the readiness checklist and the registry plan from the same input, the
// registry's DNS answers included. Before the name resolves, the preview and the registry both say so and neither
// promises nor writes an endpoint of east's; once it resolves, the preview's consequences per cluster are exactly
// what the registry then writes, with east's resolved addresses. Previews and pages never look names up themselves.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DNS_GATEWAY_HOSTNAME as HOST } from "@/lab/scenarios/dns-gateway";
import { shadowHash } from "@/lib/names/object-names";
import type { ExposurePreview } from "@/lib/workspace-view/types";
import { exposureApply } from "./exposure-apply";
import { exposurePreview } from "./exposure-preview";
import { addressesOf, EAST_IPS, namesOf, promised, startDnsLab, written, type DnsLab } from "./test/dns-lab";
import { workspaceDetail } from "./workspace-detail";
import { workspaceList } from "./workspace-list";

const WS = "bookinfo-ws";
const CLUSTERS = ["west", "east", "north"];
const fqdn = (service: string) => `${service}.bookinfo.svc.cluster.local`;
const exposure = (services: string[]) => ({ workspace: WS, exposure: { mode: "selected" as const, services: services.map(fqdn) } });
/** `bookinfo/k-<service>-<hash>` prefix of the shadow WorkloadEntries that send a service's clients to east. */
const fromEast = (service: string) => `bookinfo/k-${service}-${shadowHash("east", "bookinfo", service)}`;
const KINDS = [["ServiceEntry", "serviceEntries"], ["WorkloadEntry", "workloadEntries"]] as const;

let lab: DnsLab;

beforeAll(async () => {
  lab = await startDnsLab();
  await vi.waitFor(() => expect(lab.registry.leader?.isLeader()).toBe(true), { timeout: 20_000, interval: 50 });
}, 90_000);

afterAll(async () => {
  await lab.stop();
});

/** Until the registry's plan and the clusters agree (its writes came back through the fleet cache). */
async function settled(): Promise<void> {
  await vi.waitFor(async () => {
    await lab.registry.reconcileNow();
    const clusters = lab.registry.status().clusters.map((c) => ({ c: c.cluster, missing: c.missing.length, different: c.different.length, extra: c.extra.length }));
    expect(clusters).toEqual(CLUSTERS.map((c) => ({ c, missing: 0, different: 0, extra: 0 })).sort((a, b) => (a.c < b.c ? -1 : 1)));
  }, { timeout: 30_000, interval: 200 });
}

async function writtenNow() {
  return Object.fromEntries(await Promise.all(CLUSTERS.map(async (c) => [c, await written(lab.env, c)] as const)));
}

/**
 * The preview's "before" is what the registry wrote (unchanged + removed = what each cluster holds), and after the
 * change is applied, each cluster holds exactly what the preview promised: nothing more, nothing less.
 */
async function expectWrittenAsPromised(preview: ExposurePreview, services: string[]): Promise<void> {
  const before = await writtenNow();
  const change = (cluster: string) => preview.consequences.find((c) => c.cluster === cluster);
  for (const cluster of CLUSTERS) {
    for (const [kind, key] of KINDS) {
      const c = change(cluster)?.[key] ?? { added: [], removed: [], unchanged: 0, blocked: [] };
      expect({ cluster, kind, blocked: c.blocked, before: c.unchanged + c.removed.length }).toEqual({ cluster, kind, blocked: [], before: namesOf(before[cluster] ?? [], kind).length });
    }
  }
  expect(await exposureApply(lab.deps, { ...exposure(services), force: true })).toEqual({ cluster: "west", ok: true });
  const expected = CLUSTERS.map((cluster) => ({
    cluster,
    ...Object.fromEntries(KINDS.map(([kind, key]) => [kind, promised(namesOf(before[cluster] ?? [], kind), change(cluster)?.[key] ?? { added: [], removed: [], unchanged: 0, blocked: [] })])),
  }));
  const actual = async () => {
    const now = await writtenNow();
    return CLUSTERS.map((cluster) => ({ cluster, ...Object.fromEntries(KINDS.map(([kind]) => [kind, namesOf(now[cluster] ?? [], kind)])) }));
  };
  await vi.waitFor(async () => expect(await actual()).toEqual(expected), { timeout: 30_000, interval: 250 });
  await settled();
  expect(await actual()).toEqual(expected);
}

/** The detail's gateways check; the overview's list judges the workspace by the same checklist. */
async function gatewaysCheck() {
  const { readiness } = await workspaceDetail(lab.deps, WS);
  const listed = (await workspaceList(lab.deps)).find((w) => w.name === WS);
  expect(listed).toMatchObject({ ready: readiness.ready, failingChecks: readiness.items.filter((i) => i.status === "fail").length });
  return readiness.items.find((i) => i.id === "gateways");
}

describe("a gateway named by DNS: preview, readiness and registry from the same input", () => {
  it("before the name resolves, the preview and the registry both say so, and neither promises nor writes an endpoint of east's", async () => {
    await vi.waitFor(() => expect(lab.registry.status().conditions).toContainEqual(expect.objectContaining({ reason: "UnresolvedGatewayHostname", cluster: "east" })), { timeout: 20_000, interval: 100 });
    await settled();
    expect(lab.registry.status().conditions).toContainEqual(expect.objectContaining({ reason: "GatewayHostnameUnresolved", subject: HOST, severity: "error" }));
    const asked = lab.dns.asked.length;
    const preview = await exposurePreview(lab.deps, exposure(["details", "reviews"]));
    expect(preview.conditions).toContainEqual({ severity: "error", message: expect.stringContaining(`gateway address ${HOST} has not been resolved`) });
    const added = preview.consequences.flatMap((c) => [...c.serviceEntries.added, ...c.workloadEntries.added]);
    expect(added.length).toBeGreaterThan(0);
    expect(added.filter((n) => n.startsWith(fromEast("details")) || n.startsWith(fromEast("reviews")))).toEqual([]);
    const check = await gatewaysCheck();
    expect(check).toMatchObject({ status: "fail", reason: expect.stringContaining(`east: gateway address ${HOST} has not been resolved`) });
    // The preview and the page read the registry's answers: no lookup of their own.
    expect(lab.dns.asked.length).toBe(asked);
    await expectWrittenAsPromised(preview, ["details", "reviews"]);
    for (const cluster of CLUSTERS) expect(addressesOf(await written(lab.env, cluster)).filter((a) => EAST_IPS.includes(a)), cluster).toEqual([]);
  }, 90_000);

  it("once it resolves, the preview promises east's endpoints exactly as the registry then writes them, and readiness passes", async () => {
    lab.dns.answer();
    await lab.registry.hostnames.refresh();
    expect(lab.registry.hostnames.resolved()[HOST]).toEqual([...EAST_IPS].sort());
    await settled();
    const west = await written(lab.env, "west");
    for (const service of ["details", "reviews"]) {
      const shadows = west.filter((o) => `${o.metadata.namespace}/${o.metadata.name}`.startsWith(fromEast(service)));
      expect(addressesOf(shadows).sort(), service).toEqual([...EAST_IPS].sort());
    }
    const asked = lab.dns.asked.length;
    const preview = await exposurePreview(lab.deps, exposure(["details", "reviews", "ratings"]));
    expect(preview.conditions.filter((c) => c.message.includes(HOST))).toEqual([]);
    // One shadow WorkloadEntry per resolved address of east's gateway, in west (which runs ratings too).
    const westAdded = preview.consequences.find((c) => c.cluster === "west")?.workloadEntries.added ?? [];
    expect(westAdded.filter((n) => n.startsWith(fromEast("ratings")))).toHaveLength(EAST_IPS.length);
    expect(await gatewaysCheck()).toMatchObject({ status: "pass" });
    expect(lab.dns.asked.length).toBe(asked);
    await expectWrittenAsPromised(preview, ["details", "reviews", "ratings"]);
    const ratings = (await written(lab.env, "west")).filter((o) => `${o.metadata.namespace}/${o.metadata.name}`.startsWith(fromEast("ratings")));
    expect(addressesOf(ratings).sort()).toEqual([...EAST_IPS].sort());
  }, 90_000);
});
