// Which fleet model a request reads: the process's one model (server/runtime.ts getRuntime().model) for the
// process's fleet service. Route handlers and server components build their context from getRuntime() but the
// context carries only the fleet and the registry, so the model is found by its fleet: the runtime is looked up
// where getRuntime() keeps it (on globalThis, shared by every Next module graph) without starting one — a router
// test with a fake fleet has no runtime, and gets a model of its own (production-deps.ts modelOfFleet).
import type { FleetService } from "@/server/fleet/service";
import type { FleetModel } from "@/server/model/types";

/** The key server/runtime.ts holds the runtime under. */
const RUNTIME = Symbol.for("eastwest-console.runtime");

type Running = { fleet?: unknown; model?: FleetModel };

/** The runtime's model when `fleet` is the runtime's fleet service; undefined otherwise (nothing is started). */
export function runtimeModelOf(fleet: FleetService): FleetModel | undefined {
  const running = (globalThis as { [RUNTIME]?: Running })[RUNTIME];
  return running?.fleet === fleet ? running.model : undefined;
}

/** A model the context carries explicitly (a context type that grows a `model`), else the runtime's for its fleet. */
export function modelIn(ctx: { fleet: FleetService }): FleetModel | undefined {
  const given = (ctx as { model?: FleetModel }).model;
  return given ?? runtimeModelOf(ctx.fleet);
}
