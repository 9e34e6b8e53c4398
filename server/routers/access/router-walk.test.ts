// The whole appRouter, walked: every procedure declares a role (and the owner roles what they do, for the refusal),
// the gate runs on every one (a request without a signed-in person is 401 everywhere), no mutation is reachable by
// a person who may only look (403 before any input is read, nothing asked of a cluster or the drill runner) except
// the ones listed below with the reason, and in mode none (no actor) the gate refuses nothing.
import type { AnyProcedure } from "@trpc/server";
import { describe, expect, it, vi } from "vitest";
import { ROLES, type Actor } from "@/server/auth/identity";
import type { DrillService } from "@/server/drills/types";
import { fakeFleet } from "@/server/http/test/handler-fixture";
import { createCallerFactory, type Context, type ProcedureMeta } from "@/server/trpc";
import { appRouter } from "../app-router";
import { anonymous, VIEWER } from "./test/actors";

/**
 * Mutations a viewer may run, and why. fleet.recheck re-probes one cluster now: it reads with the console's own
 * credentials what the fleet page already shows, writes nothing to any cluster, and answers "Check again".
 */
const VIEWER_MUTATIONS: Record<string, string> = { "fleet.recheck": "reads reachability with the console's own credentials; writes nothing" };

// At run time tRPC keeps every procedure under its dotted path here (the nested record is only the type's view).
const flat = appRouter._def.procedures as unknown as Record<string, AnyProcedure>;
const procedures = Object.entries(flat).map(([path, p]) => ({
  path,
  type: p._def.type,
  meta: p._def.meta as ProcedureMeta | undefined,
}));

/** Inputs that name the demo workspace, or a namespace it spans, so the per-workspace check is exercised. */
const INPUTS: unknown[] = [
  undefined,
  { workspace: "bookinfo-ws", cluster: "west", namespace: "bookinfo", name: "eastwest-gateway", clusters: ["west"], exposure: { mode: "all" } },
  { cluster: "east", namespace: "bookinfo", service: "details", name: "details-drill-1" },
];

function spyDrills(): DrillService {
  const never = () => {
    throw new Error("the drill runner must not be reached");
  };
  return { list: vi.fn(never), get: vi.fn(never), plan: vi.fn(never), start: vi.fn(never), abort: vi.fn(never), version: () => 0, onChange: () => () => undefined };
}

function contextFor(actor: Actor | undefined) {
  const ctx: Context = { fleet: fakeFleet(), drills: spyDrills(), ...(actor ? { actor } : {}) };
  return { ctx, caller: createCallerFactory(appRouter)(ctx) };
}

/** Calls a procedure by its dotted path; resolves to the tRPC error code it failed with, or "ok". */
async function outcome(caller: unknown, path: string, input: unknown): Promise<string> {
  const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (input: unknown) => Promise<unknown>;
  try {
    await fn(input);
    return "ok";
  } catch (error) {
    return (error as { code?: string }).code ?? "thrown";
  }
}

describe("the router walk", () => {
  it("finds the procedures", () => {
    expect(procedures.length).toBeGreaterThan(20);
    expect(procedures.filter((p) => p.type === "mutation").length).toBeGreaterThan(5);
  });

  it.each(procedures)("$path declares a role", ({ meta }) => {
    expect(ROLES).toContain(meta?.role);
    if (meta?.role !== "viewer") expect(meta?.action).toMatch(/^[a-z]/);
  });

  it("lets a viewer run exactly the listed mutations", () => {
    const open = procedures.filter((p) => p.type === "mutation" && p.meta?.role === "viewer").map((p) => p.path);
    expect(open.sort()).toEqual(Object.keys(VIEWER_MUTATIONS).sort());
  });

  it.each(procedures)("$path answers 401 to a request nobody signed in to", async ({ path }) => {
    for (const mode of ["oidc", "proxy"] as const) {
      const { caller } = contextFor(anonymous(mode));
      expect(await outcome(caller, path, INPUTS[1])).toBe("UNAUTHORIZED");
    }
  });

  const gated = procedures.filter((p) => p.meta?.role !== "viewer" || (p.type === "mutation" && !(p.path in VIEWER_MUTATIONS)));
  it.each(gated)("$path refuses a viewer with 403 and reaches nothing", async ({ path }) => {
    for (const input of INPUTS) {
      const { ctx, caller } = contextFor(VIEWER);
      expect(await outcome(caller, path, input)).toBe("FORBIDDEN");
      expect(ctx.fleet.handle).not.toHaveBeenCalled();
      for (const fn of [ctx.drills?.plan, ctx.drills?.start, ctx.drills?.abort]) expect(fn).not.toHaveBeenCalled();
    }
  });

  it.each(procedures.filter((p) => p.type === "mutation"))("$path is not refused by the gate in mode none", async ({ path }) => {
    const { caller } = contextFor(undefined);
    expect(["FORBIDDEN", "UNAUTHORIZED"]).not.toContain(await outcome(caller, path, undefined));
  });
});
