// One simulated cluster's Kubernetes API endpoint over plain HTTP on loopback.
import { setMaxListeners } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { LogProvider, RequestContext } from "./context";
import { dispatchResource } from "./dispatch";
import { FaultController, type ApiFault } from "./faults";
import type { WatchTuning } from "./handle-watch";
import { sendError } from "./http-util";
import { negotiate, type Output } from "./negotiate";
import { handleNonResource } from "./non-resource";
import { route } from "./router";
import type { ClusterStore } from "./types";

export interface ApiServer {
  url: string;
  port: number;
  setFault(fault: ApiFault): Promise<void>;
  close(): Promise<void>;
}

export interface ApiServerOptions {
  host?: string;
  port?: number;
  logs?: LogProvider;
  watch?: WatchTuning;
}

function outputFor(req: IncomingMessage): Output {
  // Only reads are printed as Tables; a write with an unusual Accept still gets JSON.
  if (req.method !== "GET") return "json";
  return negotiate(req.headers.accept);
}

async function handle(req: IncomingMessage, res: ServerResponse, store: ClusterStore, options: ApiServerOptions, closing: AbortSignal): Promise<void> {
  const url = new URL(req.url ?? "/", "http://lab.invalid");
  const target = route(url.pathname, store.types);
  if (target.kind !== "resource") return handleNonResource(req, res, target, store.types);
  const ctx: RequestContext = { req, res, query: url.searchParams, route: target, store, output: outputFor(req), logs: options.logs, closing };
  await dispatchResource(ctx, options.watch);
}

export async function createApiServer(store: ClusterStore, options: ApiServerOptions = {}): Promise<ApiServer> {
  const host = options.host ?? "127.0.0.1";
  const shutdown = new AbortController();
  // Every open watch listens for shutdown on this one signal; a console watching 11 kinds (or a thousand
  // clients) is normal, not a leak, so lift the default limit of 10 listeners.
  setMaxListeners(0, shutdown.signal);
  const server = createServer((req, res) => {
    void (async () => {
      try {
        if (!(await faults.admit(res))) return;
        await handle(req, res, store, options, shutdown.signal);
      } catch (err) {
        sendError(res, err);
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const faults = new FaultController(server, host, () => port);
  return {
    url: `http://${host}:${port}`,
    port,
    setFault: (fault) => faults.set(fault),
    close: async () => {
      shutdown.abort();
      const closed = faults.isListening ? new Promise<void>((resolve) => server.close(() => resolve())) : Promise.resolve();
      faults.destroySockets();
      await closed;
    },
  };
}
