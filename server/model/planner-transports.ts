// How the planner host (planner-host.ts) reaches its planner: a worker thread running dist/planner-worker.mjs,
// or, for unit tests of the model's other parts, a planner core on the calling thread. Either way requests are
// answered in order, one reply part at a time.
import { existsSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { MessageChannel, receiveMessageOnPort, Worker } from "node:worker_threads";
import { createPlannerCore } from "./planner-core";
import type { PlannerReply, PlannerRequest } from "./planner-protocol";
import type { PlannerHostOptions } from "./planner-host";
import { plannerThreadLimits } from "./planner-thread-heap";

export type Transport = { post(request: PlannerRequest): void; stop(): Promise<void> };
export type Sink = { reply(part: PlannerReply): void; failed(error: Error): void };

export function inProcessTransport(sink: Sink): Transport {
  const core = createPlannerCore();
  let stopped = false;
  // One request per macrotask, in order, as a worker's messages would arrive.
  const post = (request: PlannerRequest) =>
    setImmediate(() => {
      if (stopped) return;
      for (const part of core.handle(request)) sink.reply(part);
    });
  return { post, stop: async () => void (stopped = true) };
}

// The worker posts a reply's parts to a port of their own, each followed by a note on its parentPort. Node delivers
// every message queued on a port in one go (no event-loop turn between them), so this side never listens on the
// parts' port: it takes one part per turn (receiveMessageOnPort), and timers, I/O and SSE run between parts.
export function workerTransport(file: string, sink: Sink, observe: PlannerHostOptions["observe"]): Transport {
  if (!existsSync(file)) throw new Error(`the planner worker ${file} does not exist; build it with \`npm run build:worker\``);
  const { port1: parts, port2 } = new MessageChannel();
  const worker = new Worker(file, { name: "eastwest-planner", resourceLimits: plannerThreadLimits(), workerData: { replies: port2 }, transferList: [port2] });
  let stopping = false;
  let pumping = false;
  const pump = () => {
    const started = performance.now();
    const received = stopping ? undefined : receiveMessageOnPort(parts);
    pumping = received !== undefined;
    if (!received) return;
    const part = received.message as PlannerReply;
    sink.reply(part);
    observe?.({ kind: "part", ms: performance.now() - started, part: part.type, objects: part.type === "cluster" ? part.objects.same.length + part.removes.length : undefined });
    setImmediate(pump);
  };
  worker.on("message", () => {
    if (!pumping) setImmediate(pump);
    pumping = true;
  });
  worker.on("error", (error) => sink.failed(new Error(`the planner worker failed: ${error.message}`)));
  worker.on("exit", (code) => {
    if (!stopping) sink.failed(new Error(`the planner worker exited (code ${code})`));
  });
  return {
    post: (request) => {
      const started = performance.now();
      worker.postMessage(request);
      observe?.({ kind: "send", ms: performance.now() - started });
    },
    stop: async () => {
      stopping = true;
      parts.close();
      await worker.terminate();
    },
  };
}
