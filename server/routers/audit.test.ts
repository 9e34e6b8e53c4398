// The audit router through the real tRPC handler over a fake fleet (the small demo snapshot: bookinfo-ws covers
// */bookinfo, its setting in west): bounded input refused with fieldErrors, unknown names NOT_FOUND naming the
// field, and clusters whose Events cannot be read named as data rather than failing the query.
import superjson from "superjson";
import { describe, expect, it, vi } from "vitest";
import type { AuditRecent } from "@/server/audit/recent";
import { errorOf, fakeFleet, get } from "@/server/http/test/handler-fixture";
import { createStreamSlots } from "@/server/http/stream-slots";
import { createTrpcHandler } from "@/server/http/trpc-handler";
import { createTRPCRouter } from "@/server/trpc";
import { auditRouter } from "./audit";

const router = createTRPCRouter({ audit: auditRouter });
const handlerOf = (fleet: ReturnType<typeof fakeFleet>) => ({ handle: createTrpcHandler({ router, slots: createStreamSlots({ perClient: 8, total: 64 }), createContext: () => ({ fleet }) }) });

async function dataOf<T>(res: Response): Promise<T> {
  expect(res.status).toBe(200);
  const body = (await res.json()) as { result: { data: unknown } };
  return superjson.deserialize(body.result.data as Parameters<typeof superjson.deserialize>[0]) as T;
}

const DRILL = { scope: "drill", cluster: "west", namespace: "bookinfo", name: "reviews-20261205-090000" };

describe("audit.recent: bad input and unknown names", () => {
  it.each<[unknown, number, string]>([
    [{ scope: "cluster" }, 400, "scope"],
    [{ scope: "workspace" }, 400, "workspace"],
    [{ scope: "workspace", workspace: "w".repeat(300) }, 400, "workspace"],
    [{ ...DRILL, namespace: "Not_A_Label" }, 400, "namespace"],
    [{ ...DRILL, name: "x".repeat(300) }, 400, "name"],
    [{ scope: "workspace", workspace: "nope" }, 404, "workspace"],
    [{ ...DRILL, cluster: "mars" }, 404, "cluster"],
  ])("%o → %i naming %s, no cluster asked", async (input, status, field) => {
    const fleet = fakeFleet();
    const { status: got, error } = await errorOf(await handlerOf(fleet).handle(get("audit.recent", input)));
    expect(got).toBe(status);
    expect(error.data.fieldErrors.map((e) => e.field)).toEqual([field]);
    expect(fleet.handle).not.toHaveBeenCalled();
  });
});

describe("audit.recent: clusters that cannot be read", () => {
  it("a workspace: each cluster holding a covered namespace asked, each unusable one named", async () => {
    const fleet = fakeFleet();
    const recent = await dataOf<AuditRecent>(await handlerOf(fleet).handle(get("audit.recent", { scope: "workspace", workspace: "bookinfo-ws" })));
    expect(recent.records).toEqual([]);
    const asked = vi.mocked(fleet.handle).mock.calls.map(([cluster]) => cluster);
    expect(recent.problems.map((p) => `${p.cluster}/${p.namespace} ${p.reason}`)).toEqual(asked.map((c) => `${c}/bookinfo unreachable`));
    expect(new Set(asked)).toEqual(new Set(["west", "east", "north"]));
  });

  it("a drill: its cluster only", async () => {
    const fleet = fakeFleet();
    const recent = await dataOf<AuditRecent>(await handlerOf(fleet).handle(get("audit.recent", DRILL)));
    expect(recent.problems).toEqual([{ cluster: "west", namespace: "bookinfo", reason: "unreachable", message: "west is not a usable context of the kubeconfig." }]);
    expect(fleet.handle).toHaveBeenCalledTimes(1);
  });
});
