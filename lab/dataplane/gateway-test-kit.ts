// For the gateways' tests: one lab cluster (store, controllers, a claimed loopback block, the lab CA) with an
// east-west gateway installed from an IngressGateway, and a client that speaks to a gateway as a sidecar does
// (mTLS with the outbound SNI, then one HTTP/1.1 request). Not a test file itself, so both test files share it.
import type { AddressInfo } from "node:net";
import { connect } from "node:tls";
import { createClusterStore } from "../apiserver/store";
import type { ClusterStore, KubeObject, ResourceType } from "../apiserver/types";
import { createTypeRegistry } from "../apiserver/types-registry";
import { startControllers, type ControllerSet } from "../controllers/index";
import { seedSystem } from "../scenarios/system";
import { kubectlApply, namespaceManifest } from "../scenarios/seed-util";
import { claimAddressBlock, type AddressBlock } from "./address-block";
import { EAST_WEST_PORT } from "./gateway-admission";
import { createLabCa } from "./lab-ca";
import { pollUntil } from "./test/poll";
import type { ClusterDataPlaneContext, LabCa, RequestSample } from "./types";

export const NAMESPACE = "bookinfo";
export const GATEWAY = "eastwest-gateway";

export interface GatewayLab {
  store: ClusterStore;
  controllers: ControllerSet;
  block: AddressBlock;
  ca: LabCa;
  ctx: ClusterDataPlaneContext;
  /** What the gateway reported to telemetry (it must report nothing). */
  samples: RequestSample[];
  type(group: string, kind: string): ResourceType;
  apply(manifest: KubeObject): void;
  stop(): Promise<void>;
}

export async function startGatewayLab(): Promise<GatewayLab> {
  const types = createTypeRegistry();
  const block = await claimAddressBlock(`gateways-test-${process.pid}-${Math.random()}`, 1);
  const store = createClusterStore("west", types);
  seedSystem(store);
  kubectlApply(store, namespaceManifest(NAMESPACE));
  const controllers = startControllers(store, { podReadyDelayMs: 20, loadBalancerAddresses: (ns, n) => block.loadBalancerAddresses(0, ns, n) });
  const ca = await createLabCa();
  const samples: RequestSample[] = [];
  const telemetry = { record: (sample: RequestSample) => void samples.push(sample), text: () => Promise.resolve("") };
  const type = (group: string, kind: string): ResourceType => {
    const found = types.byKind(group, kind);
    if (!found) throw new Error(kind);
    return found;
  };
  return {
    store,
    controllers,
    block,
    ca,
    samples,
    ctx: { cluster: "west", clusterIndex: 0, addresses: block, store, ca, telemetry },
    type,
    apply(manifest) {
      const group = manifest.apiVersion.includes("/") ? (manifest.apiVersion.split("/")[0] ?? "") : "";
      const t = type(group, manifest.kind);
      const existing = store.get(t, manifest.metadata.namespace, manifest.metadata.name ?? "");
      if (existing) store.update(t, { ...existing, spec: manifest.spec }, { fieldManager: "kubectl" });
      else kubectlApply(store, manifest);
    },
    async stop() {
      controllers.stop();
      await block.release();
    },
  };
}

export function ingressGateway(name = GATEWAY): KubeObject {
  return { apiVersion: "install.tetrate.io/v1alpha1", kind: "IngressGateway", metadata: { name, namespace: NAMESPACE }, spec: { eastWestOnly: true } };
}

export function passthroughGateway(hosts: string[], options: { port?: number; mode?: string; selector?: Record<string, string> } = {}): KubeObject {
  return {
    apiVersion: "networking.istio.io/v1",
    kind: "Gateway",
    metadata: { name: "cross-network-gateway", namespace: NAMESPACE },
    spec: {
      selector: options.selector ?? { istio: "eastwestgateway" },
      servers: [{ port: { number: options.port ?? EAST_WEST_PORT, name: "tls", protocol: "TLS" }, tls: { mode: options.mode ?? "AUTO_PASSTHROUGH" }, hosts }],
    },
  };
}

/** The gateway Service's published addresses, once it has them. */
export function publishedAddresses(lab: GatewayLab, name = GATEWAY): Promise<string[]> {
  return pollUntil(`${name}'s load balancer addresses`, () => {
    const svc = lab.store.get(lab.type("", "Service"), NAMESPACE, name);
    const ingress = (svc?.status as { loadBalancer?: { ingress?: Array<{ ip?: string }> } } | undefined)?.loadBalancer?.ingress ?? [];
    const ips = ingress.flatMap((i) => (i.ip ? [i.ip] : []));
    return Promise.resolve(ips.length > 0 ? ips : undefined);
  }, { timeoutMs: 10_000 });
}

/** What a sidecar saw: the HTTP response's first line and body, or the socket error's code. */
export type Outcome = { response: string; body: string } | { error: string };

export interface Credentials {
  certPem: string;
  keyPem: string;
}

/**
 * One request through a gateway as a sidecar sends it: mTLS (verifying the gateway against `trust`) with `sni`,
 * then `GET /` over HTTP/1.1. A close without any response byte counts as a reset ("closed").
 */
export function sendThroughGateway(address: string, sni: string, client: Credentials | undefined, trust: string, options: { halfClose?: boolean } = {}): Promise<Outcome> {
  return new Promise((resolve) => {
    const socket = connect({ host: address, port: EAST_WEST_PORT, servername: sni, ca: trust, cert: client?.certPem, key: client?.keyPem, checkServerIdentity: () => undefined });
    let data = "";
    socket.on("secureConnect", () => {
      const request = `GET / HTTP/1.1\r\nhost: ${sni}\r\nconnection: close\r\n\r\n`;
      // halfClose: send the request and our FIN at once, then read the answer (tcp_proxy carries half-closes).
      if (options.halfClose) socket.end(request);
      else socket.write(request);
    });
    socket.on("data", (chunk: Buffer) => (data += chunk.toString()));
    socket.on("error", (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    socket.on("close", () => {
      if (data === "") return resolve({ error: "closed" });
      const [head = "", body = ""] = data.split("\r\n\r\n");
      resolve({ response: head.split("\r\n")[0] ?? "", body });
    });
  });
}

export interface KeepAliveConnection {
  /** One `GET /` on the connection: the raw response once its body has come (Content-Length), or the error. */
  request(): Promise<string>;
  /** Resolves when the connection closes. */
  closed: Promise<void>;
}

/** A sidecar's pooled connection to a gateway: one mTLS session carrying request after request. */
export function openKeepAlive(address: string, sni: string, client: Credentials, trust: string): Promise<KeepAliveConnection> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: address, port: EAST_WEST_PORT, servername: sni, ca: trust, cert: client.certPem, key: client.keyPem, checkServerIdentity: () => undefined });
    const closed = new Promise<void>((done) => socket.on("close", () => done()));
    socket.on("error", () => undefined);
    socket.once("error", reject);
    socket.on("secureConnect", () =>
      resolve({
        closed,
        request: () =>
          new Promise((answer) => {
            let data = "";
            const onData = (chunk: Buffer): void => {
              data += chunk.toString();
              const length = /content-length: (\d+)/i.exec(data);
              const [head, body = ""] = data.split("\r\n\r\n");
              if (head !== undefined && length && body.length >= Number(length[1])) {
                socket.off("data", onData);
                answer(data);
              }
            };
            socket.on("data", onData);
            socket.once("close", () => answer(data === "" ? "closed" : data));
            socket.write(`GET / HTTP/1.1\r\nhost: ${sni}\r\n\r\n`);
          }),
      }),
    );
  });
}

/** Polls until a request through `address` has the outcome `accept` wants (the gateways follow the store live). */
export function untilOutcome(what: string, send: () => Promise<Outcome>, accept: (outcome: Outcome) => boolean, timeoutMs = 10_000): Promise<Outcome> {
  return pollUntil(what, async () => {
    const outcome = await send();
    return accept(outcome) ? outcome : undefined;
  }, { timeoutMs });
}

export const isError = (code: string) => (outcome: Outcome): boolean => "error" in outcome && outcome.error === code;
export const isOk = (outcome: Outcome): boolean => "response" in outcome && outcome.response.includes(" 200 ");

export const portOf = (address: AddressInfo | string | null): number => (typeof address === "object" && address ? address.port : 0);
