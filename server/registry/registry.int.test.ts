// The registry against the lab (demo scenario): the seed's listings, no-op resyncs, local instances winning,
// and observe mode. One lab for the file; the steps build on each other in order.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareAddresses } from "@/lib/plan/gateway-addresses";
import { shadowHash } from "@/lib/names/object-names";
import type { FleetLister } from "@/server/kube/writer-fleet-lister";
import type { Registry } from "./controller";
import { converge, exposeWithGateways, startRegistryLab, startLabRegistry, type RegistryLab, type WriteLog } from "./test/lab-fixture";

let env: RegistryLab;
let addresses: Record<string, string[]>;
let lister: FleetLister;
let registry: Registry;
const log: WriteLog = [];

/** `kubectl get` output as rows of {column: value}. */
function table(out: string): Array<Record<string, string>> {
  const [header = "", ...lines] = out.trim().split("\n");
  const columns = header.split(/\s+/);
  return lines.map((l) => Object.fromEntries(l.split(/\s+/).map((v, i) => [columns[i] ?? String(i), v])));
}

const sorted = (ips: string[] | undefined) => [...(ips ?? [])].sort(compareAddresses);
const shadowRows = (rows: Array<Record<string, string>>, service: string, source: string) => {
  const base = `k-${service}-${shadowHash(source, "bookinfo", service)}`;
  return rows.filter((r) => r.NAME?.startsWith(base)).map((r) => [r.NAME, r.ADDRESS]);
};
const expectedShadows = (service: string, source: string) => {
  const base = `k-${service}-${shadowHash(source, "bookinfo", service)}`;
  return sorted(addresses[source]).map((ip, i) => [i === 0 ? base : `${base}-${i + 1}`, ip]);
};

beforeAll(async () => {
  env = await startRegistryLab();
  addresses = await exposeWithGateways(env);
  lister = env.newLister();
  registry = startLabRegistry(env, lister, log);
}, 90_000);

afterAll(async () => {
  await registry.stop();
  await env.stop();
});

describe("registry against the lab", () => {
  it("publishes the seed's listings: east's gateways behind west's shadow WorkloadEntries, ServiceEntries in north", async () => {
    const written = await converge(lister, registry);
    expect(written).toBeGreaterThan(0);
    const west = table(await env.kubectl("west", ["get", "workloadentries", "-n", "bookinfo"]));
    expect(shadowRows(west, "details", "east")).toEqual(expectedShadows("details", "east"));
    expect(shadowRows(west, "reviews", "east")).toEqual(expectedShadows("reviews", "east"));
    expect(west).toHaveLength(6);
    const north = table(await env.kubectl("north", ["get", "serviceentries", "-n", "xcp-multicluster"]));
    expect(north.map((r) => r.NAME)).toEqual(["global-gwinternal-details-bookinfo-svc-cluster-local", "global-gwinternal-reviews-bookinfo-svc-cluster-local"]);
    const se = JSON.parse(await env.kubectl("north", ["get", "se", "global-gwinternal-details-bookinfo-svc-cluster-local", "-n", "xcp-multicluster", "-o", "json", "--show-managed-fields"])) as {
      metadata: { managedFields: Array<{ manager: string; operation: string }> };
      spec: { endpoints: Array<{ address: string; locality?: string }> };
    };
    expect(se.spec.endpoints.map((e) => e.address).sort(compareAddresses)).toEqual(sorted([...(addresses.east ?? []), ...(addresses.west ?? [])]));
    // Each endpoint carries its source's locality: the topology labels of the Node that cluster's gateway pod runs on.
    const east = new Set(addresses.east);
    expect(new Set(se.spec.endpoints.map((e) => `${east.has(e.address) ? "east" : "west"} ${e.locality ?? ""}`))).toEqual(new Set(["east lab-east/lab-east-a", "west lab-west/lab-west-a"]));
    expect(se.metadata.managedFields.map((m) => `${m.manager}/${m.operation}`)).toEqual(["eastwest-registry/Apply"]);
  });

  it("writes nothing on a resync with nothing changed, even from a fresh replica without any memory", async () => {
    const before = log.length;
    await lister.refresh();
    await registry.reconcileNow();
    await registry.reconcileNow();
    expect(log.length).toBe(before);
    const freshLog: WriteLog = [];
    const fresh = startLabRegistry(env, lister, freshLog);
    await fresh.reconcileNow();
    await fresh.stop();
    expect(freshLog).toEqual([]);
  });

  it("deploying details in north replaces north's details ServiceEntry by shadow WorkloadEntries", async () => {
    const svc = `apiVersion: v1
kind: Service
metadata: { name: details, namespace: bookinfo, labels: { app: details, service: details } }
spec: { selector: { app: details }, ports: [{ name: http, port: 9080 }] }
`;
    await env.kubectl("north", ["apply", "-f", "-"], svc);
    await converge(lister, registry);
    const ses = table(await env.kubectl("north", ["get", "serviceentries", "-n", "xcp-multicluster"]));
    expect(ses.map((r) => r.NAME)).toEqual(["global-gwinternal-reviews-bookinfo-svc-cluster-local"]);
    const wes = table(await env.kubectl("north", ["get", "workloadentries", "-n", "bookinfo"]));
    expect(shadowRows(wes, "details", "east")).toEqual(expectedShadows("details", "east"));
    expect(shadowRows(wes, "details", "west")).toEqual(expectedShadows("details", "west"));
    // north has a gateway and now runs details, so it became a source for west and east too.
    const west = table(await env.kubectl("west", ["get", "workloadentries", "-n", "bookinfo"]));
    expect(shadowRows(west, "details", "north")).toEqual(expectedShadows("details", "north"));
  });

  it("in observe mode writes nothing and reports what is missing, with the reason", async () => {
    await env.kubectl("west", ["delete", "workloadentry", `k-reviews-${shadowHash("east", "bookinfo", "reviews")}-2`, "-n", "bookinfo"]);
    await lister.refresh();
    const observeLog: WriteLog = [];
    const observer = startLabRegistry(env, lister, observeLog, { mode: "observe" });
    await observer.reconcileNow();
    const status = observer.status();
    await observer.stop();
    expect(observeLog).toEqual([]);
    expect(status.leader).toBe(false);
    const west = status.clusters.find((c) => c.cluster === "west");
    expect(west?.missing).toEqual([{ kind: "WorkloadEntry", namespace: "bookinfo", name: `k-reviews-${shadowHash("east", "bookinfo", "reviews")}-2`, reason: "planned but not present" }]);
    expect(status.clusters.find((c) => c.cluster === "north")?.missing).toEqual([]);
    const details = status.propagation.find((p) => p.fqdn === "details.bookinfo.svc.cluster.local");
    expect(details?.clusters.every((c) => c.state === "complete" && c.since !== undefined)).toBe(true);
  });
});
