// The gateways with the real mesh view (what istiod would push: EndpointSlices → ready local pod endpoints at
// their loopback addresses) and pods standing in for the workloads: an HTTP server started on a pod's own address
// when the gateway asks for it, as a lazily started workload is.
import { createServer, type Server } from "node:http";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { KubeObject } from "../apiserver/types";
import { deploymentManifest, serviceManifest } from "../scenarios/seed-util";
import {
  ingressGateway,
  isError,
  isOk,
  NAMESPACE,
  passthroughGateway,
  publishedAddresses,
  sendThroughGateway,
  startGatewayLab,
  untilOutcome,
  type Credentials,
  type GatewayLab,
  type Outcome,
} from "./gateway-test-kit";
import { startGateways } from "./gateways";
import { createMeshView, type FlushableMeshView } from "./mesh-view";
import { outboundSni } from "./sni";
import type { Gateways, Workloads } from "./types";

const DETAILS = "details.bookinfo.svc.cluster.local";
const details = { namespace: NAMESPACE, app: "details", version: "v1", image: "docker.io/istio/examples-bookinfo-details-v1:1.20.2", port: 9080 };

let lab: GatewayLab;
let view: FlushableMeshView;
let gateways: Gateways;
let client: Credentials;
let address: string;
const pods = new Map<string, Server>();

/** Each pod answers with the address it listens on, so a test sees which endpoint served. */
const workloads: Workloads = {
  async ensureListening(podAddress, port) {
    const key = `${podAddress}:${port}`;
    if (pods.has(key)) return;
    const server = createServer((_, res) => res.end(JSON.stringify({ pod: key })));
    pods.set(key, server);
    await new Promise<void>((resolve) => server.listen(port, podAddress, resolve));
  },
  setFault: () => false,
  stop: () => Promise.resolve(),
};

const send = (sni = outboundSni(9080, DETAILS)): Promise<Outcome> => sendThroughGateway(address, sni, client, lab.ca.caPem);
const servedBy = (outcome: Outcome): string => ("body" in outcome ? (JSON.parse(outcome.body) as { pod: string }).pod : "");

function podAddresses(version?: string): string[] {
  return lab.store
    .list(lab.type("", "Pod"), NAMESPACE)
    .filter((p) => p.metadata.labels?.app === "details" && (version === undefined || p.metadata.labels.version === version))
    .map((p) => `${lab.block.podAddress(0, String((p.status as { podIP?: string }).podIP)) ?? "?"}:9080`)
    .sort();
}

beforeEach(async () => {
  lab = await startGatewayLab();
  view = createMeshView(lab.ctx, { debounceMs: 10 });
  gateways = startGateways(lab.ctx, { view, workloads }, { debounceMs: 10 });
  client = await lab.ca.issue("sleep", { uri: ["spiffe://cluster.local/ns/sleep/sa/sleep"] });
  lab.apply(ingressGateway());
  lab.apply(passthroughGateway(["*.bookinfo.svc.cluster.local"]));
  lab.apply(serviceManifest(details));
  lab.apply(deploymentManifest({ ...details, replicas: 2 }));
  address = (await publishedAddresses(lab))[1] ?? "";
});

afterEach(async () => {
  await gateways.stop();
  view.stop();
  await lab.stop();
  await Promise.all([...pods.values()].map((s) => new Promise((resolve) => s.close(resolve))));
  pods.clear();
});

describe("gateways with the mesh view", () => {
  it("forwards to each ready local pod in turn, at the pod's own loopback address", async () => {
    await untilOutcome("details through the gateway", () => send(), isOk);
    await untilOutcome("both pods as endpoints", async () => (view.localEndpoints(DETAILS, 9080).length === 2 ? send() : { error: "one" }), isOk);
    const served = new Set<string>();
    for (let i = 0; i < 4; i++) served.add(servedBy(await send()));
    expect([...served].sort()).toEqual(podAddresses());
    for (const pod of served) expect(pod.startsWith(`127.${lab.block.block}.`)).toBe(true);
  });

  it("resets once the service has no ready local pod, and forwards again when it has", async () => {
    await untilOutcome("details through the gateway", () => send(), isOk);
    const deployments = lab.type("apps", "Deployment");
    const scale = (replicas: number): void => {
      const existing = lab.store.get(deployments, NAMESPACE, "details-v1") as KubeObject;
      lab.store.update(deployments, { ...existing, spec: { ...(existing.spec as object), replicas } }, { fieldManager: "kubectl" });
    };
    scale(0);
    await untilOutcome("details to have no endpoint", () => send(), isError("ECONNRESET"));
    scale(1);
    await untilOutcome("details to be served again", () => send(), isOk);
  });

  it("routes a subset's SNI to the pods its DestinationRule subset selects; a subset no rule defines is reset", async () => {
    lab.apply(deploymentManifest({ ...details, version: "v2", replicas: 2 }));
    lab.apply({
      apiVersion: "networking.istio.io/v1",
      kind: "DestinationRule",
      metadata: { name: "details", namespace: NAMESPACE },
      spec: { host: "details", subsets: [{ name: "v1", labels: { version: "v1" } }, { name: "v2", labels: { version: "v2" } }] },
    });
    const v2 = outboundSni(9080, DETAILS, "v2");
    await untilOutcome("details v2 through its subset's chain", async () => (view.localEndpoints(DETAILS, 9080).length === 4 ? send(v2) : { error: "v2 not ready" }), isOk);
    const served = new Set<string>();
    for (let i = 0; i < 4; i++) served.add(servedBy(await send(v2)));
    expect([...served].sort()).toEqual(podAddresses("v2"));
    expect(podAddresses("v2")).toHaveLength(2);
    expect(podAddresses("v1")).toContain(servedBy(await send(outboundSni(9080, DETAILS, "v1"))));
    expect(await send(outboundSni(9080, DETAILS, "v3"))).toEqual({ error: "ECONNRESET" });
  });

  it("does not forward to a ServiceEntry's endpoints: a gateway sends only to its own network's pods", async () => {
    const ratings = "ratings.bookinfo.svc.cluster.local";
    lab.apply({
      apiVersion: "networking.istio.io/v1",
      kind: "ServiceEntry",
      metadata: { name: "ratings-remote", namespace: NAMESPACE },
      spec: { hosts: [ratings], location: "MESH_INTERNAL", resolution: "STATIC", ports: [{ number: 9080, name: "http", protocol: "HTTP" }], endpoints: [{ address: "127.0.0.1", ports: { http: 9080 } }] },
    });
    await untilOutcome("details through the gateway", () => send(), isOk);
    view.flush();
    expect(view.resolve(ratings, 9080).ok).toBe(true);
    expect(await send(outboundSni(9080, ratings))).toEqual({ error: "ECONNRESET" });
  });
});
