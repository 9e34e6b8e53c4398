// Test support: the real tRPC handler (limits, body reader, stream slots, router, error formatter) over a fake
// fleet holding the small demo snapshot, plus request builders in the shape the browser's links send.
import superjson from "superjson";
import { vi } from "vitest";
import type { FleetSnapshot } from "@/lib/fleet/snapshot-types";
import { createFleetFeed } from "@/server/fleet/feed";
import type { FleetService } from "@/server/fleet/service";
import { appRouter } from "@/server/routers/app-router";
import { demoSnapshot } from "@/server/workspaces/test/fake-deps";
import { createStreamSlots } from "../stream-slots";
import { createTrpcHandler } from "../trpc-handler";

export function fakeFleet(snapshot: FleetSnapshot = demoSnapshot(), recheck: FleetService["recheck"] = async () => { throw new Error("not used"); }, excluded: readonly string[] = []) {
  const fleet: FleetService = {
    feed: createFleetFeed({ epoch: "t" }),
    ready: async () => undefined,
    view: () => ({ kind: "ready", sources: [], managementCluster: "west", clusters: [] }),
    snapshots: { current: () => snapshot, subscribe: () => () => undefined },
    recheck,
    excluded: () => excluded,
    handle: vi.fn(() => undefined),
  };
  return fleet;
}

export function handlerFor(fleet: FleetService, limits = { perClient: 8, total: 256 }) {
  const slots = createStreamSlots(limits);
  return { slots, handle: createTrpcHandler({ router: appRouter, slots, createContext: () => ({ fleet }) }) };
}

export const postRequest = (path: string, body: string, headers: Record<string, string> = {}) =>
  new Request(`http://127.0.0.1/api/trpc/${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });

export const post = (path: string, input: unknown) => postRequest(path, JSON.stringify(superjson.serialize(input)));

export const get = (path: string, input: unknown, init: RequestInit & { headers?: Record<string, string> } = {}) =>
  new Request(`http://127.0.0.1/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`, init);

export type ErrorBody = { error: { json: { message: string; code: number; data: { code: string; httpStatus: number; fieldErrors: Array<{ field: string; message: string }> } } } };

export async function errorOf(res: Response): Promise<{ status: number; text: string; error: ErrorBody["error"]["json"] }> {
  const text = await res.text();
  const parsed = JSON.parse(text) as ErrorBody | ErrorBody[];
  const first = Array.isArray(parsed) ? parsed[0] : parsed;
  if (!first) throw new Error(`no error in ${text.slice(0, 200)}`);
  return { status: res.status, text, error: first.error.json };
}
