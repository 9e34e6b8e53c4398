import { createServer } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listenOnLoopback, startFakeApiServer } from "../testing/fake-apiserver";
import { writeKubeconfig } from "../testing/kubeconfig-fixture";
import { loadKubeconfig, type ClusterHandle } from "./kubeconfig";
import { involvedSelector, newestFirst, recentEvents, toObjectEvent, type ObjectEvent } from "./object-events";

type Answer = { status: number; body: unknown } | "hang";

let answer: Answer = { status: 200, body: { items: [] } };
const seen: URL[] = [];
let server: { url: string; close: () => Promise<void> };
let handle: ClusterHandle;

async function handleFor(name: string, url: string): Promise<ClusterHandle> {
  const load = await loadKubeconfig([await writeKubeconfig([{ name, server: url }])], []);
  if (!load.ok || !load.clusters[0]) throw new Error("fixture did not load");
  return load.clusters[0];
}

beforeAll(async () => {
  server = await listenOnLoopback(
    createServer((req, res) => {
      seen.push(new URL(req.url ?? "/", "http://x"));
      if (answer === "hang") return;
      res.writeHead(answer.status, { "Content-Type": "application/json" });
      res.end(JSON.stringify(answer.body));
    }),
  );
  handle = await handleFor("west", server.url);
});
afterAll(() => server.close());

const TARGET = { kind: "ServiceEntry", namespace: "xcp-multicluster", name: "global-gwinternal-details", uid: "u-1" };
const event = (reason: string, last: string, extra: Record<string, unknown> = {}) => ({ type: "Normal", reason, message: `${reason} happened`, count: 1, firstTimestamp: last, lastTimestamp: last, source: { component: "istiod" }, ...extra });
const status = (code: number, reason: string) => ({ kind: "Status", apiVersion: "v1", status: "Failure", code, reason, message: reason });

describe("recentEvents", () => {
  it("asks for the object's Events in its namespace by field selector and answers the newest first, bounded", async () => {
    const items = Array.from({ length: 25 }, (_, i) => event(`R${i}`, new Date(Date.UTC(2026, 11, 5, 3, i)).toISOString()));
    answer = { status: 200, body: { kind: "EventList", items: [...items].reverse(), metadata: {} } };
    const result = await recentEvents("west", handle, TARGET, { timeoutMs: 2000 });
    const request = seen.at(-1);
    expect(request?.pathname).toBe("/api/v1/namespaces/xcp-multicluster/events");
    expect(request?.searchParams.get("fieldSelector")).toBe("involvedObject.kind=ServiceEntry,involvedObject.namespace=xcp-multicluster,involvedObject.name=global-gwinternal-details,involvedObject.uid=u-1");
    expect(request?.searchParams.get("limit")).toBe("250");
    if (!result.ok) throw new Error(result.error.message);
    expect(result.events.map((e) => e.reason)).toEqual(Array.from({ length: 20 }, (_, i) => `R${24 - i}`));
    expect(result.more).toBe(true);
  });

  it("says when the cluster holds more than one page, and nothing more when all were read", async () => {
    answer = { status: 200, body: { items: [event("A", "2026-12-05T03:00:00Z")], metadata: { continue: "next" } } };
    expect(await recentEvents("west", handle, TARGET, { timeoutMs: 2000 })).toMatchObject({ ok: true, more: true });
    answer = { status: 200, body: { items: [event("A", "2026-12-05T03:00:00Z")], metadata: {} } };
    expect(await recentEvents("west", handle, TARGET, { timeoutMs: 2000, limit: 5 })).toMatchObject({ ok: true, more: false, events: [{ reason: "A", source: "istiod" }] });
  });

  it.each<[string, "forbidden" | "unreachable", Answer, string]>([
    ["403", "forbidden", { status: 403, body: status(403, "Forbidden") }, "forbidden"],
    ["401", "forbidden", { status: 401, body: status(401, "Unauthorized") }, "unauthorized"],
    ["500", "unreachable", { status: 500, body: status(500, "InternalError") }, "unknown"],
    ["no answer", "unreachable", "hang", "timeout"],
  ])("%s → %s, as data", async (_name, reason, given, errorReason) => {
    answer = given;
    const result = await recentEvents("west", handle, TARGET, { timeoutMs: 300 });
    expect(result).toMatchObject({ ok: false, cluster: "west", reason, error: { reason: errorReason } });
  });

  it("a cluster nobody listens on is unreachable", async () => {
    const closed = await startFakeApiServer();
    await closed.close();
    const result = await recentEvents("gone", await handleFor("gone", closed.url), TARGET, { timeoutMs: 2000 });
    expect(result).toMatchObject({ ok: false, reason: "unreachable", error: { reason: "refused" } });
  });

  it("a context without a usable kubeconfig, or none, fails without a request", async () => {
    const before = seen.length;
    expect(await recentEvents("x", { name: "x", server: "", kubeConfig: null, problem: "broken" }, TARGET, { timeoutMs: 100 })).toMatchObject({ ok: false, reason: "unreachable", error: { message: "broken" } });
    expect(await recentEvents("y", undefined, TARGET, { timeoutMs: 100 })).toMatchObject({ ok: false, reason: "unreachable", error: { message: "y is not a usable context of the kubeconfig." } });
    expect(seen.length).toBe(before);
  });
});

describe("toObjectEvent", () => {
  it.each<[string, unknown, Partial<ObjectEvent> | undefined]>([
    ["core/v1 with count", event("Synced", "2026-12-05T03:00:00Z", { count: 4 }), { reason: "Synced", count: 4, lastSeen: "2026-12-05T03:00:00Z", source: "istiod" }],
    [
      "events.k8s.io series",
      { type: "Warning", reason: "Drift", eventTime: "2026-12-05T02:00:00.000000Z", series: { count: 7, lastObservedTime: "2026-12-05T03:10:00.000000Z" }, reportingComponent: "eastwest-registry" },
      { type: "Warning", count: 7, firstSeen: "2026-12-05T02:00:00.000000Z", lastSeen: "2026-12-05T03:10:00.000000Z", source: "eastwest-registry" },
    ],
    ["no times at all", { reason: "X", metadata: {} }, { firstSeen: null, lastSeen: null, count: 1, message: "", type: "" }],
    ["a wrong-typed field reads as absent", { reason: 5, message: "m", count: "many" }, { reason: "", message: "m", count: 1 }],
    ["not an object", "nope", undefined],
  ])("%s", (_name, raw, expected) => {
    const got = toObjectEvent(raw);
    if (expected === undefined) expect(got).toBeUndefined();
    else expect(got).toMatchObject(expected);
  });

  it("cuts a long message", () => {
    expect(toObjectEvent({ message: "m".repeat(5000) })?.message).toHaveLength(1001);
  });
});

describe("newestFirst and involvedSelector", () => {
  it("orders by last sighting, timeless last", () => {
    const at = (reason: string, lastSeen: string | null) => ({ type: "Normal", reason, message: "", count: 1, firstSeen: null, lastSeen, source: "" });
    expect(newestFirst([at("old", "2026-01-01T00:00:00Z"), at("none", null), at("new", "2026-06-01T00:00:00Z")]).map((e) => e.reason)).toEqual(["new", "old", "none"]);
  });

  it("names the uid only when known", () => {
    expect(involvedSelector({ kind: "Gateway", namespace: "n", name: "g" })).toBe("involvedObject.kind=Gateway,involvedObject.namespace=n,involvedObject.name=g");
  });
});
