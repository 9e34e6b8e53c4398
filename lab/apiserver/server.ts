// One simulated cluster's Kubernetes API endpoint over plain HTTP on loopback.
import { setMaxListeners } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createServer as createHttpsServer, type ServerOptions as HttpsServerOptions } from "node:https";
import type { AddressInfo, Server } from "node:net";
import { admit } from "./auth/admit";
import { AuditTrail, type AuditEntry } from "./auth/audit";
import type { AuthConfig } from "./auth/authenticate";
import { bootstrapPolicy, ensureObjects } from "./auth/bootstrap-policy";
import { storeRbacSource, type RbacSource } from "./auth/rbac-objects";
import { handleReview } from "./auth/reviews";
import type { LogProvider, RequestContext } from "./context";
import { dispatchResource } from "./dispatch";
import { dualListener } from "./dual-listener";
import { FaultController, type ApiFault, type Listener } from "./faults";
import type { WatchTuning } from "./handle-watch";
import { sendError } from "./http-util";
import { negotiate, type Output } from "./negotiate";
import { handleNonResource } from "./non-resource";
import { route } from "./router";
import type { ClusterStore } from "./types";

export interface ApiServer {
  /** Plain HTTP (what the conformance suites and the lab's own tools use). */
  url: string;
  port: number;
  /** With `tls`: the same API over HTTPS on the same port, what the kubeconfigs name (dual-listener.ts). */
  httpsUrl?: string;
  setFault(fault: ApiFault): Promise<void>;
  /** Writes and refusals with the user who made them (and who impersonated it), oldest first. */
  audit(): AuditEntry[];
  close(): Promise<void>;
}

export interface ApiServerOptions {
  host?: string;
  port?: number;
  logs?: LogProvider;
  watch?: WatchTuning;
  /**
   * The bearer tokens this cluster accepts (authenticate.ts); with it the server authenticates, impersonates and
   * authorizes with RBAC, and creates the bootstrap roles. Without it every request acts as system:unsecured.
   */
  auth?: AuthConfig;
  /**
   * Serve the API over HTTPS too, on the same port, with this serving certificate (dual-listener.ts). kubectl
   * (clientcmd) sends a kubeconfig user's credentials only to an https:// server, so authenticated clusters need it.
   * `clientCa`: client certificates it signed authenticate as CN (user) and O (groups), as --client-ca-file.
   */
  tls?: { cert: string; key: string; clientCa?: string };
}

interface Served {
  store: ClusterStore;
  options: ApiServerOptions;
  closing: AbortSignal;
  rbac: RbacSource;
  audit: AuditTrail;
}

function outputFor(req: IncomingMessage): Output {
  // Only reads are printed as Tables; a write with an unusual Accept still gets JSON.
  if (req.method !== "GET") return "json";
  return negotiate(req.headers.accept);
}

async function handle(req: IncomingMessage, res: ServerResponse, served: Served): Promise<void> {
  const { store, options, closing } = served;
  const url = new URL(req.url ?? "/", "http://lab.invalid");
  const target = route(url.pathname, store.types);
  const admission = admit(req, url, target, served.rbac, options.auth);
  if (admission.user) {
    const { user, impersonator, attributes } = admission;
    res.once("finish", () => {
      if (AuditTrail.wants(attributes, res.statusCode)) served.audit.record(user, impersonator, attributes, res.statusCode);
    });
  }
  if (!admission.ok) throw admission.error;
  if (target.kind === "review") return handleReview(req, res, target, admission.user, served.rbac);
  if (target.kind !== "resource") return handleNonResource(req, res, target, store.types);
  const ctx: RequestContext = { req, res, query: url.searchParams, route: target, store, output: outputFor(req), logs: options.logs, closing };
  await dispatchResource(ctx, options.watch);
}

/**
 * With a client CA, clients may present a certificate (requested, never required: token users present none);
 * authenticate.ts accepts it only when it chains to that CA.
 */
function tlsOptions(tls: NonNullable<ApiServerOptions["tls"]>): HttpsServerOptions {
  const clientCerts = tls.clientCa ? { ca: tls.clientCa, requestCert: true, rejectUnauthorized: false } : {};
  return { cert: tls.cert, key: tls.key, ...clientCerts };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export async function createApiServer(store: ClusterStore, options: ApiServerOptions = {}): Promise<ApiServer> {
  const host = options.host ?? "127.0.0.1";
  const shutdown = new AbortController();
  if (options.auth) ensureObjects(store, bootstrapPolicy());
  const served: Served = { store, options, closing: shutdown.signal, rbac: storeRbacSource(store), audit: new AuditTrail() };
  // Every open watch listens for shutdown on this one signal; a console watching 11 kinds (or a thousand
  // clients) is normal, not a leak, so lift the default limit of 10 listeners.
  setMaxListeners(0, shutdown.signal);
  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    void (async () => {
      try {
        if (!(await faults.admit(res))) return;
        await handle(req, res, served);
      } catch (err) {
        sendError(res, err);
      }
    })();
  };
  const plain = createServer(onRequest);
  const server = options.tls ? dualListener(plain, createHttpsServer(tlsOptions(options.tls), onRequest)) : plain;
  const port = await listen(server, options.port ?? 0, host);
  const listeners: Listener[] = [{ server, port }];
  const faults = new FaultController(listeners, host);
  return {
    url: `http://${host}:${port}`,
    port,
    ...(options.tls ? { httpsUrl: `https://${host}:${port}` } : {}),
    setFault: (fault) => faults.set(fault),
    audit: () => served.audit.entries(),
    close: async () => {
      shutdown.abort();
      const closed = faults.isListening ? Promise.all(listeners.map((l) => new Promise<void>((resolve) => l.server.close(() => resolve())))) : Promise.resolve();
      faults.destroySockets();
      await closed;
    },
  };
}
