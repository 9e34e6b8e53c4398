// The drills router over HTTP (the real tRPC handler) with a fake drill service: answers pass through, bad input is
// a 400 naming the field, each refusal of the runner its 4xx naming the field (and nothing started), no runner a
// 412, and the change stream is tracked by the service's version so a reconnect resumes.
import { describe, expect, it, vi } from "vitest";
import type { Actor } from "@/server/auth/identity";
import type { DrillDetail, DrillInput, DrillPlan, DrillRefusal, DrillService, DrillSummary } from "@/server/drills/types";
import { errorOf, fakeFleet, get, post } from "@/server/http/test/handler-fixture";
import { createStreamSlots } from "@/server/http/stream-slots";
import { createTrpcHandler } from "@/server/http/trpc-handler";
import { appRouter } from "./app-router";
import { trackedIds } from "@/server/http/test/sse-ids";

const SUMMARY: DrillSummary = {
  ref: { cluster: "west", namespace: "bookinfo", name: "details-drill-1" },
  service: "details",
  fault: "ScaleToZero",
  phase: "Succeeded",
  running: false,
  verdict: "Passed",
  timeToShiftSeconds: 3.2,
};
const DETAIL: DrillDetail = {
  ...SUMMARY,
  spec: { service: "details", fault: "ScaleToZero", maxDuration: "2m", stopCondition: { errorRateAbove: 0.5, forSeconds: 10 }, abort: false },
  status: { phase: "Succeeded", conditions: [], timeline: [] },
};
const PLAN: DrillPlan = {
  ok: true,
  crd: "installed",
  deployments: [{ name: "details-v1", replicas: 1 }],
  pods: [],
  maxDurationSeconds: 120,
  remotes: [{ cluster: "east", gateway: "istio-system/eastwest-gateway", ready: true }],
  traffic: "Requests from west go to east through its east-west gateway.",
  checks: [{ name: "opted-in", ok: true, message: "bookinfo has opted in" }],
};

/** A drill service that refuses with `refusal` when given one, and records what it was asked. */
function fakeDrills(refusal?: DrillRefusal) {
  let version = 0;
  const listeners = new Set<(v: number) => void>();
  const service = {
    list: vi.fn(() => ({ drills: [SUMMARY], stale: ["north"] })),
    get: vi.fn((ref: { name: string }) => (ref.name === DETAIL.ref.name ? DETAIL : undefined)),
    plan: vi.fn(async (): Promise<DrillPlan> => (refusal ? { ok: false, refusal } : PLAN)),
    start: vi.fn(async (input: DrillInput) => (refusal ? { ok: false as const, refusal } : { ok: true as const, ref: { cluster: input.cluster, namespace: input.namespace, name: "details-drill-2" } })),
    abort: vi.fn(async () => (refusal ? { ok: false as const, refusal } : { ok: true as const })),
    version: () => version,
    onChange: (l: (v: number) => void) => (listeners.add(l), () => listeners.delete(l)),
  } satisfies DrillService;
  const bump = () => {
    version += 1;
    for (const l of listeners) l(version);
  };
  return { service, bump, listeners };
}

function handlerWith(drills: DrillService | undefined) {
  const fleet = fakeFleet();
  return createTrpcHandler({ router: appRouter, slots: createStreamSlots({ perClient: 8, total: 256 }), createContext: () => (drills ? { fleet, drills } : { fleet }) });
}

async function json(res: Response): Promise<unknown> {
  expect(res.status).toBe(200);
  return ((await res.json()) as { result: { data: { json: unknown } } }).result.data.json;
}

const INPUT = { cluster: "west", namespace: "bookinfo", service: "details", fault: "ScaleToZero", maxDuration: "2m" };
const REF = { cluster: "west", namespace: "bookinfo", name: "details-drill-1" };

describe("drills router", () => {
  it("passes the service's answers through, the filter and input as parsed", async () => {
    const { service } = fakeDrills();
    const handle = handlerWith(service);
    expect(await json(await handle(get("drills.list", { cluster: "west", phase: "Succeeded", verdict: "Passed" })))).toEqual({ drills: [SUMMARY], stale: ["north"] });
    expect(service.list).toHaveBeenCalledWith({ cluster: "west", phase: "Succeeded", verdict: "Passed" });
    expect(await json(await handle(get("drills.get", REF)))).toMatchObject({ ref: REF, spec: { maxDuration: "2m" } });
    expect(await json(await handle(get("drills.plan", { cluster: "west", namespace: "bookinfo", service: "details" })))).toEqual(PLAN);
    // Defaults: ScaleToZero for 2m when the form leaves them out.
    expect(service.plan).toHaveBeenCalledWith({ cluster: "west", namespace: "bookinfo", service: "details", fault: "ScaleToZero", maxDuration: "2m" }, { actor: undefined });
    expect(await json(await handle(post("drills.start", INPUT)))).toEqual({ cluster: "west", namespace: "bookinfo", name: "details-drill-2" });
    expect(await json(await handle(post("drills.abort", REF)))).toEqual({ ok: true });
    // Mode none: no person to act as, nothing to audit for one; the runner writes with the console's credentials.
    expect(service.abort).toHaveBeenCalledWith(REF, { actor: undefined, audit: undefined });
  });

  it("passes the person and the audit sink on to the runner, which writes as them", async () => {
    const { service } = fakeDrills();
    const actor: Actor = { mode: "oidc", identity: { user: "annie", groups: ["eastwest:app-owners"] }, roles: ["app-owner"], workspaceRoles: {}, address: "127.0.0.1" };
    const audit = { record: vi.fn() };
    const fleet = fakeFleet();
    const handle = createTrpcHandler({ router: appRouter, slots: createStreamSlots({ perClient: 8, total: 256 }), createContext: () => ({ fleet, drills: service, actor, audit }) });
    expect(await json(await handle(post("drills.start", INPUT)))).toEqual({ cluster: "west", namespace: "bookinfo", name: "details-drill-2" });
    expect(service.start).toHaveBeenCalledWith(expect.objectContaining({ service: "details" }), { actor, audit });
    expect(await json(await handle(post("drills.abort", REF)))).toEqual({ ok: true });
    expect(service.abort).toHaveBeenCalledWith(REF, { actor, audit });
  });

  it("answers a refused plan as data, for the confirmation to show", async () => {
    const refusal: DrillRefusal = { code: "not-opted-in", field: "namespace", message: "bookinfo has not opted in to drills" };
    const handle = handlerWith(fakeDrills(refusal).service);
    expect(await json(await handle(get("drills.plan", INPUT)))).toEqual({ ok: false, refusal });
  });

  it.each([
    ["drills.list", { phase: "Running" }, "phase"],
    ["drills.list", { verdict: "Maybe" }, "verdict"],
    ["drills.list", { namespace: "Bookinfo" }, "namespace"],
    ["drills.list", { service: "x".repeat(64) }, "service"],
    ["drills.get", { ...REF, name: "Not_A_Name" }, "name"],
    ["drills.get", { ...REF, name: "a".repeat(254) }, "name"],
    ["drills.get", { ...REF, cluster: "" }, "cluster"],
    ["drills.plan", { ...INPUT, maxDuration: "2 minutes" }, "maxDuration"],
    ["drills.plan", { ...INPUT, maxDuration: "1".repeat(40) + "s" }, "maxDuration"],
    ["drills.plan", { ...INPUT, maxDuration: "16m" }, "maxDuration"],
    ["drills.start", { ...INPUT, maxDuration: "1h" }, "maxDuration"],
    ["drills.plan", { ...INPUT, maxDuration: "0s" }, "maxDuration"],
    ["drills.plan", { ...INPUT, fault: "PullThePlug" }, "fault"],
    ["drills.plan", { ...INPUT, stopCondition: { errorRateAbove: 2, forSeconds: 10 } }, "stopCondition.errorRateAbove"],
    ["drills.plan", { ...INPUT, service: undefined }, "service"],
  ] as Array<[string, unknown, string]>)("%s with %j answers 400 naming %s", async (path, input, field) => {
    const { service } = fakeDrills();
    const handle = handlerWith(service);
    const answer = await errorOf(await handle(path === "drills.start" ? post(path, input) : get(path, input)));
    expect(answer.status).toBe(400);
    expect(answer.error.data.fieldErrors).toContainEqual({ field, message: expect.any(String) });
    expect(service.plan).not.toHaveBeenCalled();
    expect(service.start).not.toHaveBeenCalled();
  });

  it.each([
    ["duration-too-long", "maxDuration", 400],
    ["unknown-cluster", "cluster", 404],
    ["unknown-service", "service", 404],
    ["already-running", "service", 409],
    ["stale-cluster", "cluster", 412],
    ["not-opted-in", "namespace", 412],
    ["no-local-workload", "service", 412],
    ["crd-missing", "cluster", 412],
    ["no-failover-target", "service", 412],
    ["fault-unsupported", "fault", 412],
    ["forbidden", "namespace", 403],
  ] as Array<[DrillRefusal["code"], DrillRefusal["field"], number]>)("start refused with %s naming %s answers %i", async (code, field, status) => {
    const refusal: DrillRefusal = { code, message: `refused: ${code}`, ...(field ? { field } : {}) };
    const answer = await errorOf(await handlerWith(fakeDrills(refusal).service)(post("drills.start", INPUT)));
    expect(answer.status).toBe(status);
    expect(answer.error.message).toContain(`refused: ${code}`);
    expect(answer.error.data.fieldErrors).toEqual([{ field, message: `refused: ${code}` }]);
  });

  it.each([
    ["not-found", 404],
    ["finished", 409],
  ] as Array<[DrillRefusal["code"], number]>)("abort refused with %s answers %i naming the drill's name", async (code, status) => {
    const answer = await errorOf(await handlerWith(fakeDrills({ code, message: "no" }).service)(post("drills.abort", REF)));
    expect(answer.status).toBe(status);
    expect(answer.error.data.fieldErrors).toEqual([{ field: "name", message: "no" }]);
  });

  it("an unknown drill is a 404 naming the name", async () => {
    const answer = await errorOf(await handlerWith(fakeDrills().service)(get("drills.get", { ...REF, name: "nope" })));
    expect(answer.status).toBe(404);
    expect(answer.error.data.fieldErrors).toContainEqual({ field: "name", message: expect.stringContaining("nope") });
  });

  it.each([
    ["drills.list", "get", {}],
    ["drills.plan", "get", INPUT],
    ["drills.start", "post", INPUT],
    ["drills.abort", "post", REF],
  ] as const)("%s without a drill runner is a 412 saying so", async (path, method, input) => {
    const handle = handlerWith(undefined);
    const answer = await errorOf(await handle(method === "get" ? get(path, input) : post(path, input)));
    expect(answer.status).toBe(412);
    expect(answer.error.message).toMatch(/drill runner is not running/);
  });
});


const subscribe = (handle: (r: Request) => Promise<Response>, input: unknown, signal: AbortSignal) =>
  handle(get("drills.onChange", input, { headers: { accept: "text/event-stream" }, signal }));

describe("drills.onChange over SSE", () => {
  it("sends the version, then one event per change; a reconnect with the last id hears only what came after", async () => {
    const { service, bump, listeners } = fakeDrills();
    const handle = handlerWith(service);
    const first = new AbortController();
    const reader = (await subscribe(handle, {}, first.signal)).body?.getReader();
    if (!reader) throw new Error("no body");
    const [initial] = await trackedIds(reader, 1);
    expect(initial).toMatch(/\.0$/);
    bump();
    const ids = await trackedIds(reader, 1);
    expect(ids).toEqual([initial?.replace(/0$/, "1")]);
    await reader.cancel();
    first.abort();

    // Reconnect with the last id: nothing until the next change, which is then the first event.
    const second = new AbortController();
    const resumed = (await subscribe(handle, { lastEventId: ids[0] }, second.signal)).body?.getReader();
    if (!resumed) throw new Error("no body");
    await vi.waitFor(() => expect(listeners.size).toBe(1));
    bump();
    expect(await trackedIds(resumed, 1)).toEqual([initial?.replace(/0$/, "2")]);
    await resumed.cancel();
    second.abort();
    await vi.waitFor(() => expect(listeners.size).toBe(0));
  });

  it("refuses an over-long lastEventId inside the stream, naming the field", async () => {
    const text = await (await subscribe(handlerWith(fakeDrills().service), { lastEventId: "x".repeat(200) }, new AbortController().signal)).text();
    expect(text).toContain("event: serialized-error");
    expect(text).toContain('"field":"lastEventId"');
  });

  it("a stream without a drill runner ends with the 412 inside it", async () => {
    const text = await (await subscribe(handlerWith(undefined), {}, new AbortController().signal)).text();
    expect(text).toContain("event: serialized-error");
    expect(text).toMatch(/drill runner is not running/);
  });
});
