// `npx tsx scripts/bench/lab-memory.ts [--lab-dir DIR] [--updates 1500] [--objects 1000] [--lists 200]`: the lab
// API server's memory under the two loads of issue 15, in a child process of its own (so the clients' memory is
// not counted): (1) 5 watchers that never read while one ConfigMap of 64 KiB is updated --updates times; (2) --lists
// concurrent full lists of --objects ConfigMaps of 10 KiB each, every client reading its whole answer. Each phase
// reports the child's RSS and heap after populating (baseline), the peak RSS sampled every 20 ms during the load,
// and RSS/heap after it (after a full GC). --lab-dir runs another checkout's lab (e.g. `git archive <commit> lab |
// tar -x -C DIR` for a "before" figure); the child imports DIR/lab/apiserver/index.ts.
import { fork, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { request } from "node:http";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { mib, printTable, type Row } from "./figures";

interface Memory {
  rss: number;
  heapUsed: number;
  peakRss: number;
}

type ToChild = { op: "populate"; count: number; bytes: number } | { op: "mark" } | { op: "report" };

// ---- child: the lab's API server, measuring itself ----

async function serve(labDir: string): Promise<void> {
  const lab = (await import(pathToFileURL(resolve(labDir, "lab/apiserver/index.ts")).href)) as typeof import("../../lab/apiserver/index");
  const types = lab.createTypeRegistry();
  const store = lab.createClusterStore("bench", types);
  const ns = types.byKind("", "Namespace");
  const cm = types.byKind("", "ConfigMap");
  if (!ns || !cm) throw new Error("the lab has no Namespace or ConfigMap type");
  store.create(ns, { apiVersion: "v1", kind: "Namespace", metadata: { name: "default" } });
  const server = await lab.createApiServer(store, { host: "127.0.0.1", port: 0 });
  let peak = 0;
  setInterval(() => void (peak = Math.max(peak, process.memoryUsage().rss)), 20).unref();
  const gc = (globalThis as { gc?: () => void }).gc;
  process.on("message", (message: ToChild) => {
    if (message.op === "populate") {
      for (let i = 0; i < message.count; i += 1) {
        store.create(cm, { apiVersion: "v1", kind: "ConfigMap", metadata: { name: `cm-${String(i).padStart(5, "0")}`, namespace: "default" }, data: { blob: "x".repeat(message.bytes) } });
      }
    }
    if (message.op === "mark") peak = process.memoryUsage().rss;
    gc?.();
    const usage = process.memoryUsage();
    process.send?.({ rss: usage.rss, heapUsed: usage.heapUsed, peakRss: Math.max(peak, usage.rss) } satisfies Memory);
  });
  process.send?.({ url: server.url });
}

// ---- parent: the clients ----

class Lab {
  private constructor(readonly child: ChildProcess, readonly url: string) {}

  static async start(labDir: string): Promise<Lab> {
    const child = fork(new URL(import.meta.url).pathname, ["--serve", labDir], { execArgv: [...process.execArgv, "--expose-gc", "--max-old-space-size=8192"] });
    const [ready] = (await once(child, "message")) as [{ url: string }];
    return new Lab(child, ready.url);
  }

  async ask(message: ToChild): Promise<Memory> {
    const reply = once(this.child, "message") as Promise<[Memory]>;
    this.child.send(message);
    return (await reply)[0];
  }

  stop(): void {
    this.child.kill("SIGTERM");
  }
}

function send(url: string, method: string, body?: string): Promise<{ status: number; bytes: number }> {
  return new Promise((resolveReply, reject) => {
    const req = request(url, { method, headers: body ? { "Content-Type": "application/merge-patch+json" } : {} }, (res) => {
      let bytes = 0;
      res.on("data", (chunk: Buffer) => void (bytes += chunk.length));
      res.on("end", () => resolveReply({ status: res.statusCode ?? 0, bytes }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** A watch whose client never reads: its socket stays paused for the whole phase. */
function stalledWatch(url: string): Promise<() => void> {
  return new Promise((resolveWatch, reject) => {
    const req = request(url, (res) => {
      res.pause();
      resolveWatch(() => req.destroy());
    });
    req.on("error", (err) => ((err as NodeJS.ErrnoException).code === "ECONNRESET" ? undefined : reject(err)));
    req.end();
  });
}

const CM = "/api/v1/namespaces/default/configmaps";

async function watchPhase(labDir: string, updates: number): Promise<Row[]> {
  const lab = await Lab.start(labDir);
  try {
    await lab.ask({ op: "populate", count: 1, bytes: 64 * 1024 });
    const base = await lab.ask({ op: "mark" });
    const stops = await Promise.all(Array.from({ length: 5 }, () => stalledWatch(`${lab.url}${CM}?watch=true&resourceVersion=0&timeoutSeconds=3600`)));
    const started = Date.now();
    for (let i = 0; i < updates; i += 1) {
      const patch = JSON.stringify({ data: { blob: `${i}`.padEnd(64 * 1024, "y") } });
      const reply = await send(`${lab.url}${CM}/cm-00000`, "PATCH", patch);
      if (reply.status !== 200) throw new Error(`update ${i}: HTTP ${reply.status}`);
    }
    const seconds = (Date.now() - started) / 1000;
    const after = await lab.ask({ op: "report" });
    stops.forEach((stop) => stop());
    return rows(`5 stalled watchers, ${updates} updates of 64 KiB`, base, after, `${(updates / seconds).toFixed(0)} updates/s`);
  } finally {
    lab.stop();
  }
}

async function listPhase(labDir: string, objects: number, lists: number): Promise<Row[]> {
  const lab = await Lab.start(labDir);
  try {
    const base = await lab.ask({ op: "populate", count: objects, bytes: 10 * 1024 });
    await lab.ask({ op: "mark" });
    const started = Date.now();
    const replies = await Promise.all(Array.from({ length: lists }, () => send(`${lab.url}${CM}`, "GET")));
    const seconds = (Date.now() - started) / 1000;
    const failed = replies.filter((r) => r.status !== 200).length;
    const after = await lab.ask({ op: "report" });
    const note = `${mib(replies[0]?.bytes ?? 0)} each, all in ${seconds.toFixed(1)} s${failed > 0 ? `, ${failed} failed` : ""}`;
    return rows(`${lists} concurrent full lists of ${objects} × 10 KiB`, base, after, note);
  } finally {
    lab.stop();
  }
}

function rows(phase: string, base: Memory, after: Memory, note: string): Row[] {
  return [
    { figure: `${phase}: baseline RSS / heap`, value: `${mib(base.rss)} / ${mib(base.heapUsed)}` },
    { figure: `${phase}: peak RSS during`, value: mib(after.peakRss), note },
    { figure: `${phase}: RSS / heap after`, value: `${mib(after.rss)} / ${mib(after.heapUsed)}` },
  ];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      serve: { type: "string" }, "lab-dir": { type: "string", default: "." },
      updates: { type: "string", default: "1500" }, objects: { type: "string", default: "1000" }, lists: { type: "string", default: "200" },
    },
  });
  if (values.serve) return serve(values.serve);
  const labDir = resolve(values["lab-dir"] ?? ".");
  const watchRows = await watchPhase(labDir, Number(values.updates));
  const listRows = await listPhase(labDir, Number(values.objects), Number(values.lists));
  printTable(`Lab API server memory (${labDir})`, [...watchRows, ...listRows]);
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
