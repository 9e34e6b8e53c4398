// For the gateways' tests: a lab cluster whose east-west gateway forwards `details` to a local HTTP server standing
// in for its pod, through a fake mesh view (the endpoints a test sets) and fake workloads (which record what the
// gateway woke). `withForwardingGateway()` registers the vitest hooks and returns the fixture they fill in.
import { createServer, type Server } from "node:http";
import { afterEach, beforeEach } from "vitest";
import type { KubeObject } from "../apiserver/types";
import {
  ingressGateway,
  isOk,
  passthroughGateway,
  portOf,
  publishedAddresses,
  sendThroughGateway,
  startGatewayLab,
  untilOutcome,
  type Credentials,
  type GatewayLab,
  type Outcome,
} from "./gateway-test-kit";
import { startGateways, type FlushableGateways, type GatewaysOptions } from "./gateways";
import { outboundSni } from "./sni";
import type { MeshEndpoint, MeshView, Workloads } from "./types";

export const DETAILS = "details.bookinfo.svc.cluster.local";
export const SNI = outboundSni(9080, DETAILS);
export const SERVED = JSON.stringify({ served: "details" });

export interface ForwardingFixture {
  lab: GatewayLab;
  gateways: FlushableGateways;
  client: Credentials;
  /** The gateway Service's published addresses. */
  addresses: string[];
  /** The endpoints the fake mesh view gives per FQDN (what MeshView.localEndpoints would). */
  endpoints: Map<string, MeshEndpoint[]>;
  /** `address:port` of every ensureListening call. */
  ensured: string[];
  backendHits: number;
  /** The pod's endpoint (the backend). */
  endpoint(): MeshEndpoint;
  /** One request through the gateway; `creds` null: no client certificate at all. */
  send(sni?: string, creds?: Credentials | null, address?: string): Promise<Outcome>;
  /** Writes a Gateway object and pushes it to the gateways at once. */
  applyGateway(gateway: KubeObject): void;
  /** Replaces the gateways with ones started with `options` (and waits until they forward). */
  restart(options: GatewaysOptions): Promise<void>;
}

export function withForwardingGateway(): ForwardingFixture {
  let backend: Server | undefined;
  const f = { endpoints: new Map(), ensured: [] as string[], backendHits: 0 } as unknown as ForwardingFixture;
  const view: MeshView = {
    resolve: () => {
      throw new Error("a gateway resolves nothing: it forwards to local endpoints only");
    },
    localEndpoints: (fqdn, port) => (port === 9080 ? (f.endpoints.get(fqdn) ?? []) : []),
    stop: () => undefined,
  };
  // The backend always listens: the workloads only record what the gateway asked for.
  const workloads: Workloads = {
    ensureListening: (address, port) => {
      f.ensured.push(`${address}:${port}`);
      return Promise.resolve();
    },
    setFault: () => false,
    stop: () => Promise.resolve(),
  };
  f.endpoint = () => ({
    address: "127.0.0.1",
    port: portOf(backend?.address() ?? null),
    kind: "pod",
    source: "Pod bookinfo/details-v1-abc",
    network: "west",
    locality: { region: "lab-west", zone: "lab-west-a", subzone: "" },
  });
  f.send = (sni = SNI, creds = f.client, address = f.addresses[0] ?? "") => sendThroughGateway(address, sni, creds ?? undefined, f.lab.ca.caPem);
  f.applyGateway = (gateway) => {
    f.lab.apply(gateway);
    f.gateways.flush();
  };
  f.restart = async (options) => {
    await f.gateways.stop();
    f.gateways = startGateways(f.lab.ctx, { view, workloads }, options);
    await untilOutcome("the restarted gateways to forward", () => f.send(), isOk);
  };

  beforeEach(async () => {
    f.backendHits = 0;
    f.ensured.length = 0;
    const server = createServer((_, res) => {
      f.backendHits++;
      res.setHeader("x-served-by-pod", "details-v1-abc");
      res.end(SERVED);
    });
    backend = server;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    f.endpoints = new Map([[DETAILS, [f.endpoint()]]]);
    f.lab = await startGatewayLab();
    f.client = await f.lab.ca.issue("sleep", { uri: ["spiffe://cluster.local/ns/sleep/sa/sleep"] });
    // Gateway changes reach the gateways only at istiod's push: here only when a test flushes, so a test decides
    // when the new config is in force.
    f.gateways = startGateways(f.lab.ctx, { view, workloads }, { debounceMs: 60_000 });
    f.lab.apply(ingressGateway());
    f.applyGateway(passthroughGateway(["*.local"]));
    f.addresses = await publishedAddresses(f.lab);
    await untilOutcome("the gateway to forward", () => f.send(), isOk);
  });

  afterEach(async () => {
    await f.gateways.stop();
    await f.lab.stop();
    await new Promise((resolve) => backend?.close(resolve));
  });
  return f;
}
