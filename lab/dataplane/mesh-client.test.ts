import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { KubeObject } from "../apiserver/types";
import { CONNECT_FAILURE, NO_HEALTHY_UPSTREAM } from "./mesh-reply";
import { deployApp, gatewayAddresses, NS, pollUntil, scale, send, sendUntil, SOURCE, startMeshTestLab, type MeshTestLab } from "./mesh-test-lab";
import { destinationRule, serviceEntry, workloadEntry } from "./mesh-test-fixtures";

const DETAILS = "http://details.bookinfo.svc.cluster.local:9080/details/0";
const EAST = { network: "east", locality: "lab-east/lab-east-a" };

let lab: MeshTestLab;
/** What west's sidecars counted (its pods count the destination side in the same telemetry). */
const sourceSamples = () => lab.west.samples.filter((s) => s.reporter === "source");
let eastGateway: string[];

const shadowEntries = (addresses: string[], port = 15443): KubeObject[] =>
  addresses.map((address, i) => workloadEntry(`k-details-0123456789abcdef0123456789abcdef${i === 0 ? "" : `-${i + 1}`}`, "details", { ...EAST, address, port }));

const fromWest = (r: { servedByCluster: string | null }): boolean => r.servedByCluster === "west";
const fromEast = (r: { servedByCluster: string | null }): boolean => r.servedByCluster === "east";

function westPod(): string {
  const pods = lab.west.store.list(lab.type("", "Pod"), NS).filter((p) => p.metadata.labels?.app === "details" && !p.metadata.deletionTimestamp);
  const name = pods[0]?.metadata.name;
  if (pods.length !== 1 || !name) throw new Error(`expected one details pod in west, found ${pods.length}`);
  return name;
}

beforeEach(async () => {
  lab = await startMeshTestLab();
  const { west, east } = lab;
  deployApp(lab, east, "details");
  deployApp(lab, east, "ratings");
  lab.apply(east, { apiVersion: "install.tetrate.io/v1alpha1", kind: "IngressGateway", metadata: { name: "eastwest-gateway", namespace: NS }, spec: { eastWestOnly: true } });
  lab.apply(east, {
    apiVersion: "networking.istio.io/v1", kind: "Gateway", metadata: { name: "cross-network-gateway", namespace: NS },
    spec: { selector: { istio: "eastwestgateway" }, servers: [{ port: { number: 15443, name: "tls", protocol: "TLS" }, tls: { mode: "AUTO_PASSTHROUGH" }, hosts: ["*.local"] }] },
  });
  eastGateway = await gatewayAddresses(lab, east);
  deployApp(lab, west, "details");
  for (const entry of shadowEntries(eastGateway)) lab.apply(west, entry);
  lab.apply(west, serviceEntry("ratings.bookinfo.svc.cluster.local", eastGateway.map((address) => ({ ...EAST, address }))));
  lab.apply(west, { apiVersion: "v1", kind: "Service", metadata: { name: "reviews", namespace: NS }, spec: { selector: { app: "reviews" }, ports: [{ name: "http", port: 9080 }] } });
  await Promise.all([west.controllers.waitForIdle(10_000), east.controllers.waitForIdle(10_000)]);
  await sendUntil("west's details pod to answer", west, DETAILS, fromWest);
  west.samples.length = 0;
});

afterEach(async () => {
  await lab.stop();
});

describe("mesh client: priorities", () => {
  it("keeps traffic on the local pod while it is healthy, and counts it as the source reporter", async () => {
    for (let i = 0; i < 5; i++) {
      const r = await send(lab.west, DETAILS);
      expect(r).toMatchObject({ status: 200, servedByCluster: "west", servedByPod: westPod(), error: null, responseFlags: "-" });
      expect(r.body).toBeTypeOf("object");
    }
    expect(sourceSamples()).toHaveLength(5);
    expect(sourceSamples()[0]).toMatchObject({
      reporter: "source", sourceCluster: "west", sourceWorkload: SOURCE.workload, sourceWorkloadNamespace: SOURCE.namespace,
      destinationCluster: "west", destinationService: "details.bookinfo.svc.cluster.local", destinationWorkload: "details-v1",
      destinationWorkloadNamespace: NS, responseCode: 200, responseFlags: "-",
    });
  });

  it("fails over to east's gateway through the shadow WorkloadEntries when the local pods go, and back when they return", async () => {
    scale(lab, lab.west, "details-v1", 0);
    const moved = await sendUntil("east to serve west's requests", lab.west, DETAILS, fromEast);
    expect(moved).toMatchObject({ status: 200, servedByCluster: "east", responseFlags: "-" });
    for (let i = 0; i < 3; i++) expect(await send(lab.west, DETAILS)).toMatchObject({ status: 200, servedByCluster: "east" });
    scale(lab, lab.west, "details-v1", 1);
    await sendUntil("west to serve again", lab.west, DETAILS, fromWest);
    expect(await send(lab.west, DETAILS)).toMatchObject({ status: 200, servedByCluster: "west" });
  });

  it("Istio's default outlier settings never eject the only local pod (one of its few hosts is over 10 %): its 503s go on", async () => {
    expect(lab.west.workloads.setFault(NS, westPod(), { mode: "error", status: 503 })).toBe(true);
    // 15 attempts on it, 5 consecutive 5xx three times over: each time Envoy's max ejection check refuses.
    for (let i = 0; i < 5; i++) expect(await send(lab.west, DETAILS)).toMatchObject({ status: 503, servedByCluster: "west", responseFlags: "URX" });
  });

  it("with XCP's rule (maxEjectionPercent 100), ejects a local pod that answers 503 and moves the traffic to east", async () => {
    lab.apply(lab.west, destinationRule("details-failover", "details.bookinfo.svc.cluster.local", { consecutiveGatewayErrors: 10, interval: "10s", baseEjectionTime: "30s", maxEjectionPercent: 100 }));
    lab.west.view.flush();
    expect(lab.west.workloads.setFault(NS, westPod(), { mode: "error", status: 503 })).toBe(true);
    // Three attempts (Istio's 2 retries) on the only local pod: the application gets its 503, flag URX.
    expect(await send(lab.west, DETAILS)).toMatchObject({ status: 503, servedByCluster: "west", responseFlags: "URX" });
    // The 5th consecutive 5xx (this request's 2nd attempt) ejects it; the 3rd attempt goes to east's priority.
    expect(await send(lab.west, DETAILS)).toMatchObject({ status: 200, servedByCluster: "east", responseFlags: "-" });
    for (let i = 0; i < 3; i++) expect(await send(lab.west, DETAILS)).toMatchObject({ status: 200, servedByCluster: "east" });
    // Another source workload has its own sidecar: its outlier detection has seen nothing yet.
    const other = await lab.west.client.request({ url: DETAILS, source: { namespace: "sleep", workload: "other" } });
    expect(other).toMatchObject({ status: 503, servedByCluster: "west" });
  });

  it("shows the errors of a WorkloadEntry whose port mapping is wrong instead of hiding them", async () => {
    for (const entry of shadowEntries(eastGateway, 15999)) lab.apply(lab.west, entry);
    scale(lab, lab.west, "details-v1", 0);
    const failed = await sendUntil("the broken entries to be dialled", lab.west, DETAILS, (r) => r.status !== 200 || !fromWest(r));
    expect(failed).toMatchObject({ status: 503, servedByCluster: null, error: CONNECT_FAILURE, responseFlags: "UF,URX" });
    expect(sourceSamples().at(-1)).toMatchObject({ destinationCluster: "unknown", responseCode: 503, responseFlags: "UF,URX" });
  });
});

describe("mesh client: hosts", () => {
  it("reaches a ServiceEntry host that this cluster does not run, through the entry's gateway endpoints", async () => {
    const r = await send(lab.west, "http://ratings.bookinfo:9080/ratings/0");
    expect(r).toMatchObject({ status: 200, servedByCluster: "east", responseFlags: "-" });
    expect(r.servedByPod).toMatch(/^ratings-v1-/);
  });

  it("fails at east's gateway once its Gateway no longer admits the host, for a sidecar with fresh connections", async () => {
    expect(await send(lab.west, "http://ratings.bookinfo:9080/ratings/0")).toMatchObject({ status: 200, servedByCluster: "east" });
    lab.apply(lab.east, {
      apiVersion: "networking.istio.io/v1", kind: "Gateway", metadata: { name: "cross-network-gateway", namespace: NS },
      spec: { selector: { istio: "eastwestgateway" }, servers: [{ port: { number: 15443, name: "tls", protocol: "TLS" }, tls: { mode: "AUTO_PASSTHROUGH" }, hosts: ["details.bookinfo.svc.cluster.local"] }] },
    });
    let n = 0;
    const refused = await pollUntil("east's gateway to refuse ratings", async () => {
      const r = await lab.west.client.request({ url: "http://ratings.bookinfo:9080/ratings/0", source: { namespace: "sleep", workload: `fresh-${n++}` } });
      return r.status === 200 ? undefined : r;
    }, { timeoutMs: 10_000 });
    expect(refused).toMatchObject({ status: 503, servedByCluster: null, error: CONNECT_FAILURE, responseFlags: "UF,URX" });
  });

  it("fails a host nothing declares as the application's DNS would, without counting it", async () => {
    const r = await send(lab.west, "http://productpage.bookinfo:9080/");
    expect(r).toMatchObject({ status: 0, error: "getaddrinfo ENOTFOUND productpage.bookinfo", responseFlags: "-", servedByCluster: null });
    expect(sourceSamples()).toEqual([]);
  });

  it("answers 503 UH for a Service without endpoints, 404 NR for a port it lacks", async () => {
    expect(await send(lab.west, "http://reviews.bookinfo:9080/")).toMatchObject({ status: 503, error: NO_HEALTHY_UPSTREAM, responseFlags: "UH" });
    expect(await send(lab.west, "http://details.bookinfo:9999/")).toMatchObject({ status: 404, responseFlags: "NR" });
    expect(sourceSamples().map((s) => `${s.responseCode} ${s.responseFlags}`)).toEqual(["503 UH", "404 NR"]);
  });

  it("gives up at the caller's timeout: no response for the application, DC for the sidecar", async () => {
    expect(lab.west.workloads.setFault(NS, westPod(), { mode: "latency", latencyMs: 1000 })).toBe(true);
    const r = await send(lab.west, DETAILS, 100);
    expect(r).toMatchObject({ status: 0, responseFlags: "DC", error: "request timed out after 100 ms" });
    expect(r.latencyMs).toBeGreaterThanOrEqual(100);
    expect(r.latencyMs).toBeLessThan(1000);
  });
});
