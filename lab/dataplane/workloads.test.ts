import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { KubeObject } from "../apiserver/types";
import { claimAddressBlock, type AddressBlock } from "./address-block";
import { get, outcome, startWorkloadTestLab, until, type WorkloadTestLab } from "./workload-test-lab";

let block: AddressBlock;
let lab: WorkloadTestLab | undefined;
beforeAll(async () => {
  block = await claimAddressBlock("workloads.test", 1);
});
afterAll(() => block.release());
afterEach(async () => {
  await lab?.close();
  lab = undefined;
});

async function start(lazy: boolean, idleCloseMs?: number): Promise<WorkloadTestLab> {
  lab = await startWorkloadTestLab(block, lazy, idleCloseMs);
  return lab;
}

/** The one running pod of a Deployment, once it answers (eager mode). */
async function answering(l: WorkloadTestLab, deployment: string): Promise<{ pod: KubeObject; address: string }> {
  const [first] = await until(`${deployment} running`, () => (l.podsOf(deployment).length > 0 ? l.podsOf(deployment) : undefined));
  if (!first) throw new Error("no pod");
  await until(`${deployment} answering`, async () => ((await outcome(first.address, 9080)) === "answered" ? true : undefined));
  return first;
}

function scale(l: WorkloadTestLab, deployment: string, replicas: number): void {
  const type = l.kind("apps", "Deployment");
  const dep = l.store.get(type, "bookinfo", deployment) as KubeObject;
  l.store.update(type, { ...dep, spec: { ...(dep.spec as object), replicas } });
}

describe("workloads: pods answer on their own loopback address", () => {
  it("a running pod answers with who served it, and reports as the destination", async () => {
    const l = await start(false);
    l.deploy({ app: "sleep", image: "curlimages/curl", port: 80, namespace: "bookinfo" });
    const [sleep] = await until("sleep running", () => (l.podsOf("sleep").length > 0 ? l.podsOf("sleep") : undefined));
    await until("sleep answering", async () => ((await outcome(sleep?.address ?? "", 80)) === "answered" ? true : undefined));
    const name = sleep?.pod.metadata.name ?? "";
    const reply = await get(sleep?.address ?? "", 80, "/hello", {
      host: "sleep.bookinfo:80", "x-source-cluster": "north", "x-source-workload": "productpage-v1", "x-source-namespace": "bookinfo",
    });
    expect(reply.status).toBe(200);
    expect(reply.headers).toMatchObject({
      "x-served-by-cluster": "west", "x-served-by-pod": name, "x-served-by-workload": "sleep", "x-served-by-namespace": "bookinfo",
      "content-type": "application/json",
    });
    expect(JSON.parse(reply.text)).toEqual({ service: "sleep", version: null, cluster: "west", namespace: "bookinfo", pod: name, method: "GET", path: "/hello" });
    const sample = await until("the destination sample", () => l.samples.find((s) => s.sourceCluster === "north"));
    expect(sample).toMatchObject({
      reporter: "destination", sourceCluster: "north", sourceWorkload: "productpage-v1", sourceWorkloadNamespace: "bookinfo",
      destinationCluster: "west", destinationService: "sleep.bookinfo.svc.cluster.local", destinationWorkload: "sleep",
      destinationWorkloadNamespace: "bookinfo", responseCode: 200, responseFlags: "-",
    });
    // Dialled by address, without source headers: the Service that selects the pod, and an unknown source.
    await get(sleep?.address ?? "", 80, "/", { host: `${sleep?.address ?? ""}:80` });
    expect(await until("the anonymous sample", () => l.samples.find((s) => s.sourceCluster === "unknown"))).toMatchObject({
      sourceWorkload: "unknown", destinationService: "sleep.bookinfo.svc.cluster.local",
    });
    // Only its declared containerPort answers.
    expect(await outcome(sleep?.address ?? "", 9080)).toBe("ECONNREFUSED");
  });

  it("scaled to 0, a pod keeps answering while Terminating (its slice endpoint says so), then stops", async () => {
    const l = await start(false);
    l.deploy({ app: "details", version: "v1" });
    const { pod, address } = await answering(l, "details-v1");
    const name = pod.metadata.name ?? "";
    scale(l, "details-v1", 0);
    const slice = () => (l.store.list(l.kind("discovery.k8s.io", "EndpointSlice"), "bookinfo")[0]?.endpoints ?? []) as Array<{ targetRef: { name: string }; conditions: Record<string, boolean> }>;
    await until("the endpoint terminating", () => (slice().find((e) => e.targetRef.name === name)?.conditions.terminating ? true : undefined));
    expect(l.store.get(l.kind("", "Pod"), "bookinfo", name)?.metadata.deletionTimestamp).toBeDefined();
    const during = await get(address, 9080);
    expect(during.status).toBe(200);
    expect(during.headers["x-served-by-pod"]).toBe(name);
    expect(during.headers.connection).toBe("close"); // shutting down: no keep-alive
    await until("the pod gone", () => (l.store.get(l.kind("", "Pod"), "bookinfo", name) ? undefined : true));
    await until("the pod refusing", async () => ((await outcome(address, 9080)) === "ECONNREFUSED" ? true : undefined));
  });

  it("a stopped container refuses, and answers again once it is restarted", async () => {
    const l = await start(false);
    l.deploy({ app: "ratings", version: "v1" });
    const { pod, address } = await answering(l, "ratings-v1");
    expect(l.controllers.setPodFault("bookinfo", pod.metadata.name ?? "", "stop")).toBe(true);
    await until("refused", async () => ((await outcome(address, 9080)) === "ECONNREFUSED" ? true : undefined));
    l.controllers.setPodFault("bookinfo", pod.metadata.name ?? "", "none");
    await until("answering again", async () => ((await outcome(address, 9080)) === "answered" ? true : undefined));
  });

  it("a pod whose readiness fails still answers when dialled directly (only Endpoints drop it)", async () => {
    const l = await start(false);
    l.deploy({ app: "ratings", version: "v1" });
    const { pod, address } = await answering(l, "ratings-v1");
    l.controllers.setPodFault("bookinfo", pod.metadata.name ?? "", "fail");
    await l.controllers.waitForIdle(5000);
    expect((l.store.get(l.kind("", "Pod"), "bookinfo", pod.metadata.name ?? "")?.status as { conditions: Array<{ type: string; status: string }> }).conditions.find((c) => c.type === "Ready")?.status).toBe("False");
    expect((await get(address, 9080)).status).toBe(200);
  });

  it("gateway pods are left to the gateways", async () => {
    const l = await start(false);
    const igw = l.kind("install.tetrate.io", "IngressGateway");
    l.store.create(igw, { apiVersion: "install.tetrate.io/v1alpha1", kind: "IngressGateway", metadata: { name: "eastwest-gateway", namespace: "bookinfo" }, spec: { eastWestOnly: true } });
    await l.controllers.waitForIdle(5000);
    const [gw] = l.podsOf("eastwest-gateway");
    expect(gw).toBeDefined();
    await expect(l.workloads.ensureListening(gw?.address ?? "", 15443)).rejects.toMatchObject({ code: "ECONNREFUSED" });
    expect(await outcome(gw?.address ?? "", 15443)).toBe("ECONNREFUSED");
  });
});

describe("workloads: lazy mode", () => {
  it("opens nothing until ensureListening, which refuses what no running pod declares", async () => {
    const l = await start(true);
    l.deploy({ app: "details", version: "v1", replicas: 2 });
    await l.controllers.waitForIdle(5000);
    const [a, b] = l.podsOf("details-v1");
    expect(await outcome(a?.address ?? "", 9080)).toBe("ECONNREFUSED");
    await l.workloads.ensureListening(a?.address ?? "", 9080);
    await Promise.all([l.workloads.ensureListening(a?.address ?? "", 9080), l.workloads.ensureListening(a?.address ?? "", 9080)]);
    expect((await get(a?.address ?? "", 9080)).headers["x-served-by-pod"]).toBe(a?.pod.metadata.name);
    expect(await outcome(b?.address ?? "", 9080)).toBe("ECONNREFUSED"); // the other pod still costs no socket
    await expect(l.workloads.ensureListening(a?.address ?? "", 9081)).rejects.toMatchObject({ code: "ECONNREFUSED" });
    await expect(l.workloads.ensureListening(block.podAddress(0, "10.244.9.9") ?? "", 9080)).rejects.toMatchObject({ code: "ECONNREFUSED" });
  });
});

describe("workloads: lazy listeners close when idle", () => {
  it("a listener with no connection and no caller for idleCloseMs closes; the next ensureListening opens it again", async () => {
    const l = await start(true, 150);
    l.deploy({ app: "details", version: "v1" });
    await l.controllers.waitForIdle(5000);
    const [a] = l.podsOf("details-v1");
    const address = a?.address ?? "";
    await l.workloads.ensureListening(address, 9080);
    expect((await get(address, 9080)).status).toBe(200);
    // Each probe is a connection (activity), so probe less often than the idle time.
    const idleAt = Date.now();
    await until("closed when idle", async () => ((await outcome(address, 9080)) === "ECONNREFUSED" ? true : undefined), 5000, 400);
    expect(Date.now() - idleAt).toBeGreaterThanOrEqual(150);
    await l.workloads.ensureListening(address, 9080);
    expect((await get(address, 9080)).status).toBe(200);
  });
});

describe("workloads: traffic faults", () => {
  it("error, latency, refuse and none, per pod; false for an unknown pod", async () => {
    const l = await start(false);
    l.deploy({ app: "details", version: "v1" });
    const { pod, address } = await answering(l, "details-v1");
    const name = pod.metadata.name ?? "";
    expect(l.workloads.setFault("bookinfo", name, { mode: "error" })).toBe(true);
    const failed = await get(address, 9080);
    expect([failed.status, failed.text, failed.headers["x-served-by-pod"]]).toEqual([503, "fault injected", name]);
    l.workloads.setFault("bookinfo", name, { mode: "error", status: 500 });
    expect((await get(address, 9080)).status).toBe(500);
    expect(l.samples.filter((s) => s.responseCode >= 500).map((s) => s.responseCode)).toEqual([503, 500]);

    l.workloads.setFault("bookinfo", name, { mode: "latency", latencyMs: 150 });
    const started = performance.now();
    expect((await get(address, 9080)).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);

    l.workloads.setFault("bookinfo", name, { mode: "refuse" });
    await until("refused", async () => ((await outcome(address, 9080)) === "ECONNREFUSED" ? true : undefined));
    await expect(l.workloads.ensureListening(address, 9080)).rejects.toMatchObject({ code: "ECONNREFUSED" });

    l.workloads.setFault("bookinfo", name, { mode: "none" });
    await until("answering again", async () => ((await outcome(address, 9080)) === "answered" ? true : undefined));
    expect(l.workloads.setFault("bookinfo", "no-such-pod", { mode: "error" })).toBe(false);
  });

  it("the eastwest.dev/fault: fail-requests annotation: 503 from the pod while it is there, Ready all along; admin faults win", async () => {
    const l = await start(false);
    l.deploy({ app: "details", version: "v1" });
    const { pod, address } = await answering(l, "details-v1");
    const name = pod.metadata.name ?? "";
    const podType = l.kind("", "Pod");
    const annotate = (annotations: Record<string, string>) => {
      const current = l.store.get(podType, "bookinfo", name) as KubeObject;
      l.store.update(podType, { ...current, metadata: { ...current.metadata, annotations } });
    };
    const isReady = () => ((l.store.get(podType, "bookinfo", name)?.status as { conditions?: Array<{ type: string; status: string }> }).conditions ?? [])
      .some((c) => c.type === "Ready" && c.status === "True");
    expect(isReady()).toBe(true);
    annotate({ "eastwest.dev/fault": "fail-requests" });
    const failed = await get(address, 9080, "/details/0");
    expect([failed.status, failed.text, failed.headers["x-served-by-pod"], failed.headers["x-served-by-cluster"]]).toEqual([503, "fault filter abort", name, "west"]);
    expect(isReady()).toBe(true);
    // Another value asks for nothing.
    annotate({ "eastwest.dev/fault": "fail-request" });
    expect((await get(address, 9080, "/details/0")).status).toBe(200);
    annotate({ "eastwest.dev/fault": "fail-requests" });
    expect(l.workloads.setFault("bookinfo", name, { mode: "latency", latencyMs: 1 })).toBe(true);
    expect((await get(address, 9080)).status).toBe(200);
    l.workloads.setFault("bookinfo", name, { mode: "none" });
    expect((await get(address, 9080)).status).toBe(503);
    annotate({});
    const restored = await get(address, 9080, "/details/0");
    expect([restored.status, restored.headers["x-served-by-pod"]]).toEqual([200, name]);
  });

  it("stop() closes every listener and connection", async () => {
    const l = await start(false);
    l.deploy({ app: "details", version: "v1" });
    const { address } = await answering(l, "details-v1");
    await l.workloads.stop();
    expect(await outcome(address, 9080)).toBe("ECONNREFUSED");
  });
});

describe("workloads: bookinfo through the mesh client", () => {
  it("productpage calls details and reviews as its own workload, and shows who served them", async () => {
    const l = await start(false);
    l.deploy({ app: "productpage", version: "v1" });
    const { pod, address } = await answering(l, "productpage-v1");
    l.meshCalls.length = 0; // the probe that it answers called them too
    const reply = await get(address, 9080, "/productpage");
    expect(reply.status).toBe(200);
    const body = JSON.parse(reply.text) as Record<string, Record<string, unknown>>;
    expect(body).toMatchObject({ service: "productpage", version: "v1", cluster: "west", pod: pod.metadata.name });
    expect(body.details).toMatchObject({ status: 200, servedByCluster: "east", servedByPod: "details-pod", error: null });
    expect(body.reviews).toMatchObject({ status: 200, servedByCluster: "east", servedByPod: "reviews-pod", error: null });
    expect(l.meshCalls.map((c) => c.url).sort()).toEqual([
      "http://details.bookinfo.svc.cluster.local:9080/details/0", "http://reviews.bookinfo.svc.cluster.local:9080/reviews/0",
    ]);
    for (const call of l.meshCalls) expect(call.source).toEqual({ namespace: "bookinfo", workload: "productpage-v1", pod: pod.metadata.name });
  });
});
