// Objects the console did not create are never touched, even under the very names it would use: a test plants
// them before the registry first runs and compares them byte for byte after many cycles and changes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shadowHash } from "@/lib/names/object-names";
import { converge, EXPOSE_DETAILS_AND_REVIEWS, exposeWithGateways, startRegistryLab, startLabRegistry, type RegistryLab, type WriteLog } from "./test/lab-fixture";

let env: RegistryLab;
const SE = "global-gwinternal-details-bookinfo-svc-cluster-local";
const WE = () => `k-details-${shadowHash("east", "bookinfo", "details")}-2`;

const planted = () => [
  {
    context: "north",
    args: ["serviceentry", SE, "-n", "xcp-multicluster"],
    yaml: `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: { name: ${SE}, namespace: xcp-multicluster, labels: { team: payments } }
spec: { hosts: [details.bookinfo.svc.cluster.local], location: MESH_EXTERNAL, resolution: DNS, ports: [{ number: 9080, name: http, protocol: HTTP }] }
`,
  },
  {
    context: "west",
    args: ["workloadentry", WE(), "-n", "bookinfo"],
    yaml: `apiVersion: networking.istio.io/v1
kind: WorkloadEntry
metadata: { name: ${WE()}, namespace: bookinfo, labels: { app: details } }
spec: { address: 10.9.9.9, labels: { app: details } }
`,
  },
  {
    context: "north",
    args: ["serviceentry", "legacy-thing", "-n", "xcp-multicluster"],
    yaml: `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: { name: legacy-thing, namespace: xcp-multicluster, labels: { app.kubernetes.io/managed-by: someone-else } }
spec: { hosts: [legacy.example.com], location: MESH_EXTERNAL, resolution: DNS, ports: [{ number: 80, name: http, protocol: HTTP }] }
`,
  },
];

const snapshotOf = (env: RegistryLab) =>
  Promise.all(planted().map((p) => env.kubectl(p.context, ["get", ...p.args, "-o", "json", "--show-managed-fields"])));

beforeAll(async () => {
  env = await startRegistryLab();
  await exposeWithGateways(env);
  for (const p of planted()) await env.kubectl(p.context, ["create", "-f", "-"], p.yaml);
}, 90_000);

afterAll(async () => {
  await env.stop();
});

describe("foreign objects", () => {
  it("are left byte for byte as they were after many cycles and changes, and reported", async () => {
    const before = await snapshotOf(env);
    const log: WriteLog = [];
    const lister = env.newLister();
    const registry = startLabRegistry(env, lister, log);
    await converge(lister, registry);
    // Un-expose reviews, expose it again: deletes and re-creates around the planted objects.
    await env.kubectl("west", ["apply", "-f", "-"], EXPOSE_DETAILS_AND_REVIEWS.replace(", reviews.bookinfo.svc.cluster.local", ""));
    await converge(lister, registry);
    expect(await env.kubectl("north", ["get", "serviceentries", "-n", "xcp-multicluster", "-o", "name"])).not.toContain("reviews");
    await env.kubectl("west", ["apply", "-f", "-"], EXPOSE_DETAILS_AND_REVIEWS);
    await converge(lister, registry);
    for (let i = 0; i < 5; i++) await converge(lister, registry);
    const status = registry.status();
    await registry.stop();

    expect(await snapshotOf(env)).toEqual(before);
    expect(log.some((w) => w.id.endsWith(`/${SE}`) && w.id.startsWith("ServiceEntry") && w.cluster === "north")).toBe(false);
    expect(log.some((w) => w.id.endsWith(`/${WE()}`))).toBe(false);
    expect(log.some((w) => w.id.endsWith("/legacy-thing"))).toBe(false);
    const foreign = status.conditions.filter((c) => c.reason === "ForeignObject").map((c) => `${c.cluster} ${c.subject}`).sort();
    expect(foreign).toEqual([`north ServiceEntry xcp-multicluster/${SE}`, `west WorkloadEntry bookinfo/${WE()}`]);
    expect(status.clusters.find((c) => c.cluster === "north")?.foreign.map((f) => f.name)).toEqual([SE]);
    // Everything else was published around them.
    const west = await env.kubectl("west", ["get", "workloadentries", "-n", "bookinfo", "-o", "name"]);
    expect(west).toContain(`k-details-${shadowHash("east", "bookinfo", "details")}-3`);
  });
});
