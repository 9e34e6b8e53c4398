// One attempt of a sidecar's request to one endpoint, and what came of it as Envoy tells the cases apart:
//   - a local pod is dialled in plain HTTP on its loopback address (the lab's pods have no sidecars, so there is no
//     mTLS hop to them), after waking it (`ensureListening`, which rejects when nothing listens there);
//   - a remote endpoint (one with an SNI: a gateway reached on 15443) is dialled with TLS, the SNI
//     `outbound_.<port>_._.<fqdn>`, a client certificate from the lab CA (issued once per client) and the lab's root
//     as the only trust anchor. Istio would also check the peer's SPIFFE identity; the gateway terminates for the
//     pod here (gateway-connection.ts), so only the chain is checked, not a name.
// Outcomes: a response; a connect failure (refused, unreachable, a TLS handshake the gateway reset: Envoy counts a
// failed handshake as a failed connect); a reset after the connection was up and before any response header
// (Envoy's "connection termination", flag UC); or aborted by the caller's own timeout.
// Connections are kept alive and pooled per sidecar and destination (and SNI), as Envoy's connection pools are. A pooled
// connection that the server had already closed fails at once; that attempt is made again on a fresh connection,
// which Envoy's pool does too (a stale pooled connection is not an upstream failure).
import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type ClientRequest } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import type { LabCa, MeshEndpoint, Workloads } from "./types";

export type DialResult =
  | { kind: "response"; status: number; headers: IncomingHttpHeaders; body: string }
  | { kind: "connect-failure"; detail: string }
  | { kind: "reset"; detail: string }
  | { kind: "aborted" };

export interface DialRequest {
  /** Whose sidecar sends it ("<namespace>/<workload>"): the connection pool it uses. */
  sidecar: string;
  endpoint: MeshEndpoint;
  method: string;
  path: string;
  /** The Host header the application sent (Envoy forwards it unchanged). */
  host: string;
  headers: Record<string, string>;
  signal: AbortSignal;
}

export interface Dialer {
  dial(request: DialRequest): Promise<DialResult>;
  close(): void;
}

const MAX_BODY_BYTES = 1 << 20;

function errorDetail(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  return e.code ? `${e.code}: ${e.message}` : String(e.message ?? error);
}

function readResponse(res: IncomingMessage): Promise<DialResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    res.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    // A body cut short still has its status and headers: the caller's app would have seen them.
    const done = (): void => resolve({ kind: "response", status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") });
    res.on("end", done);
    res.on("error", done);
    res.on("aborted", done);
  });
}

/** Sends the request and sorts out what happened; `connected` says when the connection (TLS included) was up. */
type Attempt = DialResult | { kind: "stale"; detail: string };

function send(make: () => ClientRequest, secure: boolean, signal: AbortSignal): Promise<Attempt> {
  return new Promise((resolve) => {
    const req = make();
    let connected = false;
    req.on("socket", (socket) => {
      // A pooled connection is up already; a new one is up once connected (with TLS: once the handshake is done).
      if (req.reusedSocket) connected = true;
      else socket.once(secure ? "secureConnect" : "connect", () => (connected = true));
    });
    req.on("response", (res) => void readResponse(res).then(resolve));
    req.on("error", (error) => {
      if (signal.aborted) return resolve({ kind: "aborted" });
      if (req.reusedSocket) return resolve({ kind: "stale", detail: errorDetail(error) });
      resolve(connected ? { kind: "reset", detail: errorDetail(error) } : { kind: "connect-failure", detail: errorDetail(error) });
    });
    req.end();
  });
}

/** One sidecar's connection pools: plain HTTP to local pods, TLS to remote gateways. */
interface Pools {
  plain: HttpAgent;
  tls?: HttpsAgent;
}

export function createDialer(deps: { workloads: Workloads; ca: LabCa; identity: { commonName: string; uri: string } }): Dialer {
  // Issued on first use, once per client (every remote request of this cluster's sidecars presents it).
  let credentials: Promise<{ certPem: string; keyPem: string }> | undefined;
  const issued = (): Promise<{ certPem: string; keyPem: string }> => (credentials ??= deps.ca.issue(deps.identity.commonName, { uri: [deps.identity.uri] }));
  // Each sidecar (source workload) has its own pools, as each pod's Envoy does: a connection one opened is not
  // another's, so a new workload's first request opens new connections (and meets the gateway's current config).
  const pools = new Map<string, Pools>();
  const poolsOf = (sidecar: string): Pools => {
    let p = pools.get(sidecar);
    if (!p) pools.set(sidecar, (p = { plain: new HttpAgent({ keepAlive: true }) }));
    return p;
  };
  const tlsAgent = async (p: Pools): Promise<HttpsAgent> => {
    const { certPem, keyPem } = await issued();
    return (p.tls ??= new HttpsAgent({ keepAlive: true, cert: certPem, key: keyPem, ca: deps.ca.caPem, checkServerIdentity: () => undefined }));
  };

  const attempt = async (r: DialRequest): Promise<Attempt> => {
    const { endpoint } = r;
    const p = poolsOf(r.sidecar);
    const options = { host: endpoint.address, port: endpoint.port, method: r.method, path: r.path, headers: { ...r.headers, host: r.host }, signal: r.signal };
    if (endpoint.sni !== undefined) {
      const agent = await tlsAgent(p);
      return send(() => httpsRequest({ ...options, agent, servername: endpoint.sni }), true, r.signal);
    }
    if (endpoint.kind === "pod") {
      try {
        await deps.workloads.ensureListening(endpoint.address, endpoint.port);
      } catch (error) {
        return { kind: "connect-failure", detail: errorDetail(error) };
      }
    }
    return send(() => httpRequest({ ...options, agent: p.plain }), false, r.signal);
  };

  return {
    async dial(request) {
      if (request.signal.aborted) return { kind: "aborted" };
      const first = await attempt(request);
      if (first.kind !== "stale") return first;
      const again = await attempt(request);
      return again.kind === "stale" ? { kind: "reset", detail: again.detail } : again;
    },
    close() {
      for (const p of pools.values()) {
        p.plain.destroy();
        p.tls?.destroy();
      }
      pools.clear();
    },
  };
}
