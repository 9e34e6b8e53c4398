// Test harness for the API server conformance suites: a fresh store + server on 127.0.0.1:0, raw HTTP helpers
// (node's fetch / http, never client libraries) and a watch reader that waits for events with a bounded timeout.
import { request } from "node:http";
import { createApiServer, createClusterStore, createTypeRegistry, type ApiServer, type ApiServerOptions, type ClusterStore, type KubeObject } from "../apiserver/index";

export interface Lab {
  store: ClusterStore;
  server: ApiServer;
  url: string;
  call: (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<Reply>;
  close: () => Promise<void>;
}

export interface Reply {
  status: number;
  contentType: string;
  text: string;
  /** Parsed JSON body ({} when not JSON); read nested values with pick(). */
  body: Record<string, unknown>;
}

export async function startLab(options: { historySize?: number; namespaces?: string[]; server?: ApiServerOptions } = {}): Promise<Lab> {
  const types = createTypeRegistry();
  const store = createClusterStore("test", types, { historySize: options.historySize });
  const nsType = types.byKind("", "Namespace");
  for (const name of options.namespaces ?? ["default"]) if (nsType) store.create(nsType, { apiVersion: "v1", kind: "Namespace", metadata: { name } });
  const server = await createApiServer(store, { host: "127.0.0.1", port: 0, ...options.server });
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> => {
    const init: RequestInit = { method, headers: { ...headers } };
    if (body !== undefined) {
      init.body = typeof body === "string" ? body : JSON.stringify(body);
      (init.headers as Record<string, string>)["Content-Type"] ??= method === "PATCH" ? "application/merge-patch+json" : "application/json";
    }
    const res = await fetch(server.url + path, init);
    const text = await res.text();
    let parsed: Record<string, unknown> = {};
    try {
      parsed = JSON.parse(text) as Record<string, unknown>;
    } catch {
      parsed = {};
    }
    return { status: res.status, contentType: res.headers.get("content-type") ?? "", text, body: parsed };
  };
  return { store, server, url: server.url, call, close: () => server.close() };
}

export function seObject(name: string, namespace = "default", extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: "networking.istio.io/v1", kind: "ServiceEntry", metadata: { name, namespace, ...extra },
    spec: { hosts: [`${name}.example.svc.cluster.local`], location: "MESH_INTERNAL", resolution: "STATIC", ports: [{ name: "http", number: 9080, protocol: "HTTP" }] },
  };
}

export const SE_PATH = "/apis/networking.istio.io/v1/namespaces/default/serviceentries";

export interface WatchEvent {
  type: string;
  object: Record<string, unknown>;
}

export interface WatchReader {
  status: number;
  contentType: string;
  events: WatchEvent[];
  /** Resolves once `count` events arrived (bounded by `timeoutMs`). */
  waitFor: (count: number, timeoutMs?: number) => Promise<WatchEvent[]>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close: () => void;
}

export function openWatch(url: string, headers: Record<string, string> = {}): Promise<WatchReader> {
  return new Promise((resolve, reject) => {
    const events: WatchEvent[] = [];
    const waiters: Array<() => void> = [];
    let buffer = "";
    let endResolve: () => void = () => undefined;
    const ended = new Promise<void>((r) => (endResolve = r));
    const req = request(url, { headers }, (res) => {
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        buffer += chunk;
        let nl = buffer.indexOf("\n");
        while (nl >= 0) {
          const line = buffer.slice(0, nl).trim();
          buffer = buffer.slice(nl + 1);
          if (line) events.push(JSON.parse(line) as WatchEvent);
          nl = buffer.indexOf("\n");
        }
        waiters.splice(0).forEach((w) => w());
      });
      res.on("end", () => {
        endResolve();
        waiters.splice(0).forEach((w) => w());
      });
      res.on("error", () => endResolve());
      const waitFor = (count: number, timeoutMs = 5000) =>
        new Promise<WatchEvent[]>((ok, fail) => {
          const timer = setTimeout(() => fail(new Error(`timed out waiting for ${count} events, got ${JSON.stringify(events.map((e) => e.type))}`)), timeoutMs);
          const check = () => {
            if (events.length >= count) {
              clearTimeout(timer);
              ok(events.slice(0, count));
            } else waiters.push(check);
          };
          check();
        });
      resolve({ status: res.statusCode ?? 0, contentType: String(res.headers["content-type"] ?? ""), events, waitFor, ended, close: () => req.destroy() });
    });
    req.on("error", (err) => {
      endResolve();
      if ((err as NodeJS.ErrnoException).code !== "ECONNRESET") reject(err);
    });
    req.end();
  });
}

/** Bounded wait for a condition (no sleeps as synchronisation). */
export async function until(check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setImmediate(r));
  }
}

/** Reads a nested value by dotted path ("metadata.name", "items.0.metadata.name"). */
export function pick(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const part of path.split(".")) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** Names of a list's items (or of watch events' objects). */
export function names(list: unknown): string[] {
  const items = Array.isArray(list) ? list : (pick(list, "items") as unknown[] | undefined) ?? [];
  return items.map((item) => String(pick(item, "metadata.name") ?? pick(item, "object.metadata.name")));
}
