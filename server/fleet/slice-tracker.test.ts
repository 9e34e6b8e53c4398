import { describe, expect, it, vi } from "vitest";
import type { CachedObject, FleetSnapshot } from "@/lib/fleet/snapshot-types";
import { obj } from "@/lib/fleet/snapshot-fixtures";
import { demoSnapshot } from "@/server/workspaces/test/fake-deps";
import { sliceChanges } from "./slice-changes";
import type { ConditionLike } from "@/lib/fleet/conditions-digest";
import { createSliceTracker, type ConditionSource } from "./slice-tracker";
import type { FleetSnapshotSource } from "./snapshot";

const pod = (name: string, namespace: string, resourceVersion: string): CachedObject => {
  const o = obj("Pod", name, { namespace });
  return { ...o, metadata: { ...o.metadata, resourceVersion } };
};

/** A snapshot source whose `publish` replaces one cluster's snapshot, as the fleet cache does. */
function source() {
  let current = demoSnapshot({ east: [pod("details-1", "bookinfo", "1")] });
  const listeners = new Set<(s: FleetSnapshot) => void>();
  const src: FleetSnapshotSource = {
    current: () => current,
    subscribe: vi.fn((listener: (s: FleetSnapshot) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }),
  };
  const publish = (next: FleetSnapshot) => {
    current = { ...next, revision: current.revision + 1 };
    for (const l of listeners) l(current);
  };
  const latency = (ms: number) => publish({ ...current, clusters: current.clusters.map((c) => ({ ...c, latencyMs: ms })) });
  const east = (extra: CachedObject[]) => publish({ ...demoSnapshot({ east: extra }), revision: current.revision });
  return { src, publish, latency, east, listeners };
}

describe("createSliceTracker", () => {
  it("fingerprints a watched workspace once per snapshot however many watch it, and calls back only on a change", () => {
    const fleet = source();
    const tracker = createSliceTracker(fleet.src);
    const a = vi.fn();
    const b = vi.fn();
    const wa = tracker.watch("bookinfo-ws", a);
    const wb = tracker.watch("bookinfo-ws", b);
    expect(tracker.computed()).toBe(1);
    fleet.latency(12);
    fleet.east([pod("details-1", "bookinfo", "1"), pod("lonely-1", "other", "1")]);
    expect(tracker.computed()).toBe(3);
    expect(a).not.toHaveBeenCalled();
    fleet.east([pod("details-1", "bookinfo", "2")]);
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).toHaveBeenCalledWith(wa.current());
    expect(wb.current()).toBe(wa.current());
    wa.stop();
    wb.stop();
    expect(fleet.listeners.size).toBe(0);
    fleet.latency(13);
    expect(tracker.computed()).toBe(4);
  });
});

/** A registry whose `reconciled` sets its conditions and calls back, as a finished reconcile does. */
function registry() {
  let current: ConditionLike[] = [];
  const listeners = new Set<() => void>();
  const src: ConditionSource = {
    conditions: vi.fn(() => current),
    onReconciled: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const reconciled = (conditions: ConditionLike[]) => {
    current = conditions;
    for (const l of listeners) l();
  };
  return { src, reconciled, listeners };
}

describe("createSliceTracker with a registry", () => {
  it("tells a page when a reconcile changed the conditions about its workspace, not another's", () => {
    const fleet = source();
    const reg = registry();
    const tracker = createSliceTracker(fleet.src, reg.src);
    const mine = vi.fn();
    const other = vi.fn();
    const watch = tracker.watch("bookinfo-ws", mine);
    tracker.watch("shop-ws", other);
    const before = watch.current();
    vi.mocked(reg.src.conditions).mockClear();
    reg.reconciled([{ severity: "warning", reason: "NoMatchingGateway", workspace: "shop-ws", message: "no gateway" }]);
    // One read of the registry's conditions per reconcile, however many workspaces are watched.
    expect(reg.src.conditions).toHaveBeenCalledTimes(1);
    expect(mine).not.toHaveBeenCalled();
    expect(other).toHaveBeenCalledTimes(1);
    reg.reconciled([{ severity: "error", reason: "WriteFailed", workspace: "bookinfo-ws", message: "conflict" }]);
    expect(mine).toHaveBeenCalledTimes(1);
    expect(watch.current()).not.toBe(before);
  });

  it("digests a reconcile's conditions only when they are not the same conditions again", () => {
    const reg = registry();
    const tracker = createSliceTracker(source().src, reg.src);
    const mine = vi.fn();
    tracker.watch("bookinfo-ws", mine);
    const failed = { severity: "error", reason: "WriteFailed", workspace: "bookinfo-ws", message: "conflict" };
    reg.reconciled([failed]);
    const digested = tracker.digested();
    // Each cluster's reconcile hands out a new list of the same conditions: nothing to digest, nobody told.
    for (let i = 0; i < 20; i++) reg.reconciled([failed]);
    expect(tracker.digested()).toBe(digested);
    expect(mine).toHaveBeenCalledTimes(1);
    reg.reconciled([]);
    expect(tracker.digested()).toBe(digested + 1);
    expect(mine).toHaveBeenCalledTimes(2);
  });
});

describe("sliceChanges", () => {
  it("sends the current version to a new client, then only changed ones; a resuming client hears only a change", async () => {
    const fleet = source();
    const tracker = createSliceTracker(fleet.src);
    const fresh = sliceChanges(tracker, "bookinfo-ws", undefined, undefined);
    const first = (await fresh.next()).value;
    expect(first).toEqual({ version: expect.any(String) });
    const resumed = sliceChanges(tracker, "bookinfo-ws", first?.version, undefined);
    const pendingFresh = fresh.next();
    const pendingResumed = resumed.next();
    fleet.latency(40);
    fleet.east([pod("details-1", "bookinfo", "2")]);
    const [next, resumedNext] = await Promise.all([pendingFresh, pendingResumed]);
    expect(next.value?.version).not.toBe(first?.version);
    expect(resumedNext.value).toEqual(next.value);
    await fresh.return(undefined);
    await resumed.return(undefined);
    expect(fleet.listeners.size).toBe(0);
  });

  it("ends when the request is aborted", async () => {
    const fleet = source();
    const controller = new AbortController();
    const stream = sliceChanges(createSliceTracker(fleet.src), "bookinfo-ws", undefined, controller.signal);
    await stream.next();
    const waiting = stream.next();
    controller.abort();
    expect((await waiting).done).toBe(true);
    expect(fleet.listeners.size).toBe(0);
  });
});
