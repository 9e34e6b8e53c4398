// Open SSE subscriptions are capped per client through the real handler: the ninth stream from one address gets
// 429, other addresses are unaffected, and a stream's slot comes back when the client cancels or aborts it.
import { describe, expect, it } from "vitest";
import { installPeerStamp, PEER_HEADER } from "@/server/auth/peer-stamp";
import { createStreamSlots } from "./stream-slots";
import { errorOf, fakeFleet, get, handlerFor } from "./test/handler-fixture";

const cancel = (res: Response): Promise<void> => res.body?.cancel() ?? Promise.resolve();

// The address as the peer stamp (installed as instrumentation.ts installs it) writes it from the socket.
installPeerStamp();
const from = (address: string, signal?: AbortSignal) =>
  get("fleet.onChange", {}, { headers: { accept: "text/event-stream", [PEER_HEADER]: address }, ...(signal ? { signal } : {}) });

describe("SSE streams per client", () => {
  it("the ninth stream from one address gets 429; another address still gets one", async () => {
    const { handle, slots } = handlerFor(fakeFleet());
    const open = await Promise.all(Array.from({ length: 8 }, () => handle(from("10.0.0.1"))));
    expect(open.map((r) => [r.status, r.headers.get("content-type")])).toEqual(Array.from({ length: 8 }, () => [200, "text/event-stream"]));
    const ninth = await errorOf(await handle(from("10.0.0.1")));
    expect(ninth).toMatchObject({ status: 429, error: { data: { code: "TOO_MANY_REQUESTS" } } });
    const other = await handle(from("10.0.0.2"));
    expect(other.status).toBe(200);
    expect(slots.open()).toBe(9);
    await Promise.all([...open, other].map(cancel));
    expect(slots.open()).toBe(0);
  });

  it("a cancelled or aborted stream gives its slot back, once", async () => {
    const { handle, slots } = handlerFor(fakeFleet());
    const aborts = Array.from({ length: 4 }, () => new AbortController());
    const aborted = await Promise.all(aborts.map((a) => handle(from("10.0.0.1", a.signal))));
    const cancelled = await Promise.all(Array.from({ length: 4 }, () => handle(from("10.0.0.1"))));
    expect(slots.open("10.0.0.1")).toBe(8);
    for (const a of aborts) a.abort();
    await Promise.all(cancelled.map(cancel));
    expect(slots.open("10.0.0.1")).toBe(0);
    // Cancelling an aborted stream as well must not give back a second slot.
    await Promise.all(aborted.map((r) => cancel(r).catch(() => undefined)));
    expect(slots.open()).toBe(0);
    expect((await handle(from("10.0.0.1"))).status).toBe(200);
  });

  it("queries and mutations take no stream slot", async () => {
    const { handle, slots } = handlerFor(fakeFleet(), { perClient: 0, total: 0 });
    expect((await handle(get("workspace.list", undefined))).status).toBe(200);
    expect(slots.open()).toBe(0);
  });
});

describe("createStreamSlots", () => {
  it("caps the whole process too, whatever key a client sends", () => {
    const slots = createStreamSlots({ perClient: 8, total: 3 });
    const taken = ["a", "b", "c"].map((k) => slots.acquire(k));
    expect(taken.every((r) => r !== undefined)).toBe(true);
    expect(slots.acquire("d")).toBeUndefined();
    taken[0]?.();
    taken[0]?.();
    expect(slots.open()).toBe(2);
    expect(slots.acquire("d")).toBeDefined();
  });
});
