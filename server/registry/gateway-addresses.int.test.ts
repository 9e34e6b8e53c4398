// Gateway addresses against the lab: a gateway whose Service publishes addresses no other cluster can reach
// (the xcp external-addresses annotation, as anyone with edit rights on that Service can set it) yields a
// condition and no mesh endpoint anywhere; an annotation with 2,000 addresses yields at most the cap; and a
// registry without the lab's loopback setting publishes none of the lab's 127.x addresses.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXTERNAL_ADDRESSES_ANNOTATION, MAX_GATEWAY_ADDRESSES } from "@/lib/plan/gateway-addresses";
import { shadowHash } from "@/lib/names/object-names";
import type { FleetLister } from "@/server/kube/writer-fleet-lister";
import type { Registry } from "./controller";
import { converge, startConvergedRegistryLab, startLabRegistry, type RegistryLab, type WriteLog } from "./test/lab-fixture";

const REJECTED = ["169.254.169.254", "0.0.0.0", "fe80::1", "ff02::1", "224.0.0.251", "255.255.255.255"];
const GOOD = "10.20.0.1";
const SUBJECT = "IngressGateway bookinfo/eastwest-gateway";

let env: RegistryLab;
let lister: FleetLister;
let registry: Registry;
const log: WriteLog = [];

type MeshObject = { kind: string; metadata: { name: string; namespace: string }; spec: { address?: string; endpoints?: Array<{ address: string }> } };

/** Every address in a WorkloadEntry or ServiceEntry endpoint, per cluster. */
async function meshAddresses(cluster: string): Promise<string[]> {
  const out = await env.kubectl(cluster, ["get", "workloadentries,serviceentries", "-A", "-o", "json"]);
  const items = (JSON.parse(out) as { items: MeshObject[] }).items;
  return items.flatMap((o) => [...(o.spec.address ? [o.spec.address] : []), ...(o.spec.endpoints ?? []).map((e) => e.address)]);
}

/** West's shadow WorkloadEntries of `service` sourced from east, as `name address`. */
async function fromEast(service: string): Promise<string[]> {
  const out = await env.kubectl("west", ["get", "workloadentries", "-n", "bookinfo", "-o", "json"]);
  const base = `k-${service}-${shadowHash("east", "bookinfo", service)}`;
  return (JSON.parse(out) as { items: MeshObject[] }).items.filter((o) => o.metadata.name.startsWith(base)).map((o) => o.spec.address ?? "");
}

const annotateEast = (value: string) =>
  env.kubectl("east", ["annotate", "--overwrite", "service", "eastwest-gateway", "-n", "bookinfo", `${EXTERNAL_ADDRESSES_ANNOTATION}=${value}`]);

beforeAll(async () => {
  ({ env, lister, registry } = await startConvergedRegistryLab(log));
}, 90_000);

afterAll(async () => {
  await registry.stop();
  await env.stop();
});

describe("gateway addresses against the lab", () => {
  it("a gateway publishing rejected addresses: a condition per address, and no mesh endpoint with any of them", async () => {
    await annotateEast([...REJECTED, GOOD].join(","));
    await converge(lister, registry);
    expect(await fromEast("details")).toEqual([GOOD]);
    expect(await fromEast("reviews")).toEqual([GOOD]);
    for (const cluster of ["west", "east", "north"]) {
      const published = await meshAddresses(cluster);
      expect(published.filter((a) => REJECTED.includes(a)), cluster).toEqual([]);
    }
    expect(await meshAddresses("north")).toContain(GOOD);
    const rejected = registry.status().conditions.filter((c) => c.reason === "RejectedGatewayAddress");
    for (const address of REJECTED) {
      expect(rejected, address).toContainEqual(expect.objectContaining({ severity: "error", cluster: "east", subject: SUBJECT, message: expect.stringContaining(`address ${address} is `) }));
    }
  }, 60_000);

  it(`an annotation with 2,000 addresses publishes the first ${MAX_GATEWAY_ADDRESSES}, and says so`, async () => {
    const many = Array.from({ length: 2_000 }, (_, i) => `10.30.${Math.floor(i / 250)}.${(i % 250) + 1}`);
    await annotateEast(many.join(","));
    const before = log.length;
    await converge(lister, registry);
    expect((await fromEast("details")).sort()).toEqual(many.slice(0, MAX_GATEWAY_ADDRESSES).sort());
    expect(await fromEast("reviews")).toHaveLength(MAX_GATEWAY_ADDRESSES);
    // Two services, one address replaced by 16 in west; north's two ServiceEntries rewritten: bounded writes.
    expect(log.length - before).toBeLessThanOrEqual(4 * MAX_GATEWAY_ADDRESSES);
    expect(registry.status().conditions).toContainEqual(expect.objectContaining({ reason: "TooManyGatewayAddresses", cluster: "east", subject: SUBJECT }));
  }, 60_000);

  it("without the lab's setting, the lab's loopback addresses are rejected and nothing is planned from them", async () => {
    await env.kubectl("east", ["annotate", "service", "eastwest-gateway", "-n", "bookinfo", `${EXTERNAL_ADDRESSES_ANNOTATION}-`]);
    await converge(lister, registry);
    const strictLog: WriteLog = [];
    const strict = startLabRegistry(env, lister, strictLog, { mode: "observe", allowLoopbackGatewayAddresses: false });
    await strict.reconcileNow();
    const status = strict.status();
    await strict.stop();
    expect(strictLog).toEqual([]);
    const loopback = status.conditions.filter((c) => c.reason === "RejectedGatewayAddress" && c.message.includes("loopback"));
    expect(new Set(loopback.map((c) => c.cluster))).toEqual(new Set(["west", "east", "north"]));
    // What the lab's registry wrote from those addresses is not what this one plans: every entry is extra to it.
    for (const c of status.clusters) expect(c.missing, c.cluster).toEqual([]);
    expect(status.clusters.find((c) => c.cluster === "west")?.extra.filter((e) => e.kind === "WorkloadEntry")).toHaveLength(6);
  }, 60_000);
});
