// The warm planner off the event loop: one dedicated worker thread (planner-worker.ts) holds the incremental
// planner and a mirror of the input. This side keeps the last input it sent and a mirror of the plan; each call
// sends the input's delta (inputDelta) and patches the mirror with the plan delta that comes back in parts, so
// a call costs the main thread what changed. A dedicated worker rather than a pool (piscina): the planner is
// stateful and warm, and its requests must be served in order against one mirrored input.
// If the worker fails, the pending calls reject and the next call starts a new worker, cold.
import { join } from "node:path";
import type { PlanInput } from "@/lib/plan/input";
import { inputDelta } from "@/lib/plan/input-delta";
import type { ListPatches, PlanDelta } from "@/lib/plan/plan-delta";
import type { PlanResult } from "@/lib/plan/plan-result";
import { forkResult } from "./fork-result";
import { createReplyAssembler, type PlannerReply, type PlannerRequest } from "./planner-protocol";
import { inProcessTransport, workerTransport, type Sink } from "./planner-transports";
import type { PlannerHost } from "./types";
import type { PreviewAnswer, PreviewQuery } from "@/server/workspaces/preview-query";

export type PlannerHostOptions = {
  /** Run the planner on the calling thread (unit tests of the model's other parts). */
  inProcess?: boolean;
  /** The bundled worker (`npm run build:worker`); default EASTWEST_PLANNER_WORKER or dist/planner-worker.mjs. */
  workerFile?: string;
  /** Called with the main thread's time for each step it takes: sending a request, taking one reply part. */
  observe?: (step: { kind: "send" | "part"; ms: number; part?: PlannerReply["type"]; objects?: number }) => void;
};

export function defaultWorkerFile(): string {
  return process.env.EASTWEST_PLANNER_WORKER ?? join(process.cwd(), "dist", "planner-worker.mjs");
}

type Reply = { delta: PlanDelta; result?: PlanResult };
/** `take`: one part of this request's reply; the whole reply once its last part arrived (then settled). */
type Pending = { seq: number; take(part: Exclude<PlannerReply, { type: "error" }>): boolean; reject(error: Error): void };

/** One worker's life: what was sent to it and what it answered. Dropped whole when the worker fails. */
function startSession(options: PlannerHostOptions, onEnd: () => void) {
  const pending: Pending[] = [];
  let seq = 0;
  let ended = false;
  const state = { lastSent: undefined as PlanInput | undefined, mirror: undefined as PlanResult | undefined };
  // How each patched list of the mirror was made, for the registry's comparisons to splice the same changes.
  const patches: ListPatches = new WeakMap();

  let stopped: Promise<void> | undefined;
  function end(error: Error): Promise<void> {
    if (stopped) return stopped;
    ended = true;
    onEnd();
    stopped = transport.stop();
    for (const p of pending.splice(0)) p.reject(error);
    return stopped;
  }

  function reply(part: PlannerReply) {
    const head = pending[0];
    if (!head || head.seq !== part.seq) return void end(new Error(`the planner worker answered request ${part.seq} out of order`));
    if (part.type === "error") return void end(new Error(`the planner failed: ${part.message}`));
    if (head.take(part)) pending.shift();
  }

  const sink: Sink = { reply, failed: (error) => void end(error) };
  const transport = options.inProcess ? inProcessTransport(sink) : workerTransport(options.workerFile ?? defaultWorkerFile(), sink, options.observe);

  function send<T>(message: PlannerRequest, take: (part: Exclude<PlannerReply, { type: "error" }>, resolve: (value: T) => void) => boolean): Promise<T> {
    if (ended) return Promise.reject(new Error("the planner worker has stopped"));
    return new Promise<T>((resolve, reject) => {
      pending.push({ seq: message.seq, take: (part) => take(part, resolve), reject });
      try {
        transport.post(message);
      } catch (error) {
        // Not sent (an input that cannot be cloned): the worker's mirror and lastSent no longer agree.
        void end(new Error(`the planner request could not be sent: ${error instanceof Error ? error.message : String(error)}`));
      }
    });
  }

  /** `settle` runs when the last part arrives, before any later reply's part: the mirror is patched in order. */
  function request<T>(type: "plan" | "fork", input: PlanInput, base: PlanInput | undefined, settle: (reply: Reply) => T): Promise<T> {
    // Both kinds of reply are relative to the plan of the last plan request before them: the mirror then.
    const assembler = createReplyAssembler(() => state.mirror, { apply: type === "plan", patches });
    return send<T>({ type, seq: ++seq, delta: inputDelta(base, input) }, (part, resolve) => {
      if (part.type === "answer") throw new Error(`the planner worker answered a ${type} request with a preview answer`);
      const whole = assembler.add(part);
      if (whole) resolve(settle(whole));
      return whole !== undefined;
    });
  }

  /** A preview's answer: one part, computed in the worker against the plan of the last plan request before it. */
  function preview(input: PlanInput, base: PlanInput, query: PreviewQuery): Promise<PreviewAnswer> {
    return send<PreviewAnswer>({ type: "preview", seq: ++seq, delta: inputDelta(base, input), query }, (part, resolve) => {
      if (part.type !== "answer") throw new Error(`the planner worker answered a preview with a ${part.type} part`);
      resolve(part.answer);
      return true;
    });
  }

  return { state, request, preview, end, patches };
}

export function createPlannerHost(options: PlannerHostOptions = {}): PlannerHost {
  let session: ReturnType<typeof startSession> | undefined;
  const current = () => {
    const started = (session ??= startSession(options, () => {
      if (session === started) session = undefined;
    }));
    return started;
  };

  async function plan(input: PlanInput): Promise<PlanResult> {
    const s = current();
    const base = s.state.lastSent;
    s.state.lastSent = input;
    // The mirror is replaced as replies complete (in request order), never after an await.
    return s.request("plan", input, base, ({ result }) => {
      if (!result) throw new Error("the planner host applied no plan reply");
      return (s.state.mirror = result);
    });
  }

  async function fork(changed: PlanInput) {
    const s = current();
    const input = s.state.lastSent;
    if (!input) throw new Error("fork before any plan: the planner host has no current plan to compare with");
    return s.request("fork", changed, input, ({ delta }) => forkResult({ before: s.state.mirror as PlanResult, input, delta }));
  }

  async function stop() {
    const ending = session;
    session = undefined;
    await ending?.end(new Error("the planner host was stopped"));
  }

  async function preview(changed: PlanInput, query: PreviewQuery): Promise<PreviewAnswer> {
    const s = current();
    const input = s.state.lastSent;
    if (!input) throw new Error("preview before any plan: the planner host has no current plan to compare with");
    return s.preview(changed, input, query);
  }

  return { plan, fork, preview, stop, listPatch: (list) => session?.patches.get(list) };
}
