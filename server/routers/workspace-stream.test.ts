// workspace.onChange over the real tRPC handler (SSE): a page hears its workspace's slice fingerprint, then only a
// change of that slice; a probe's latency or another namespace's change sends nothing; a reconnect resumes.
import { describe, expect, it } from "vitest";
import { obj } from "@/lib/fleet/snapshot-fixtures";
import { conditionsDigest } from "@/lib/fleet/conditions-digest";
import { sliceFingerprint } from "@/lib/fleet/slice-fingerprint";
import type { CachedObject, FleetSnapshot } from "@/lib/fleet/snapshot-types";
import { fakeFleet, get, handlerFor } from "@/server/http/test/handler-fixture";
import { sliceTrackerOf, sliceVersion } from "@/server/fleet/slice-tracker";
import { stateOf } from "@/server/workspaces/fleet-input";
import { modelSnapshots } from "@/server/workspaces/model-snapshots";
import { modelOfFleet } from "@/server/workspaces/production-deps";
import { demoSnapshot } from "@/server/workspaces/test/fake-deps";
import { trackedIds } from "@/server/http/test/sse-ids";

const pod = (name: string, namespace: string, resourceVersion: string): CachedObject => {
  const o = obj("Pod", name, { namespace });
  return { ...o, metadata: { ...o.metadata, resourceVersion } };
};

function liveFleet() {
  let current: FleetSnapshot = demoSnapshot({ west: [pod("lonely-1", "other", "1")], east: [pod("details-1", "bookinfo", "1")] });
  const listeners = new Set<(s: FleetSnapshot) => void>();
  const fleet = { ...fakeFleet(), snapshots: { current: () => current, subscribe: (l: (s: FleetSnapshot) => void) => (listeners.add(l), () => listeners.delete(l)) } };
  const publish = (west: CachedObject[], east: CachedObject[], latencyMs = 1) => {
    const next = demoSnapshot({ west, east });
    current = { ...next, revision: current.revision + 1, clusters: next.clusters.map((c) => ({ ...c, latencyMs })) };
    for (const l of listeners) l(current);
  };
  return { fleet, publish, current: () => current, listeners };
}


/** The version a page hears: with no registry, the fleet part and the digest of no conditions. */
const versionOf = (snapshot: FleetSnapshot) => sliceVersion(sliceFingerprint(snapshot, "bookinfo-ws"), conditionsDigest([], "bookinfo-ws"));

const subscribe = (handle: (r: Request) => Promise<Response>, input: unknown, signal: AbortSignal) =>
  handle(get("workspace.onChange", input, { headers: { accept: "text/event-stream" }, signal }));

describe("workspace.onChange over SSE", () => {
  it("sends the slice version, nothing for a probe or another namespace, then one event for a change in its namespace", async () => {
    const { fleet, publish, current, listeners } = liveFleet();
    const { handle } = handlerFor(fleet);
    const controller = new AbortController();
    const res = await subscribe(handle, { workspace: "bookinfo-ws" }, controller.signal);
    const reader = res.body?.getReader();
    if (!reader) throw new Error("no body");
    const initial = versionOf(current());
    expect(await trackedIds(reader, 1)).toEqual([initial]);
    publish([pod("lonely-1", "other", "1")], [pod("details-1", "bookinfo", "1")], 250);
    publish([pod("lonely-1", "other", "2")], [pod("details-1", "bookinfo", "1")], 250);
    expect(versionOf(current())).toBe(initial);
    publish([pod("lonely-1", "other", "2")], [pod("details-1", "bookinfo", "2")], 250);
    const changed = versionOf(current());
    expect(changed).not.toBe(initial);
    // The next tracked event is the change: the probe and the other namespace sent nothing in between.
    expect(await trackedIds(reader, 1)).toEqual([changed]);
    await reader.cancel();
    controller.abort();
    // The page's watch is gone; what stays subscribed to the fleet is the fleet model the pages read (one).
    await expect.poll(() => listeners.size).toBe(1);
    // And the tracker no longer follows the model: a change computes no fingerprint.
    const model = modelOfFleet(fleet);
    const tracker = sliceTrackerOf(modelSnapshots(model, await stateOf({ model })));
    const computed = tracker.computed();
    publish([], [pod("details-1", "bookinfo", "9")]);
    await model.settled();
    expect(tracker.computed()).toBe(computed);
  });

  it("resumes from lastEventId: a client that saw the current version hears only the next change", async () => {
    const { fleet, publish, current } = liveFleet();
    const { handle } = handlerFor(fleet);
    const controller = new AbortController();
    const seen = versionOf(current());
    const res = await subscribe(handle, { workspace: "bookinfo-ws", lastEventId: seen }, controller.signal);
    const reader = res.body?.getReader();
    if (!reader) throw new Error("no body");
    // The connection is open once tRPC sends its `connected` event; then the tracker watches the workspace.
    await expect.poll(async () => (await reader.read()).value !== undefined).toBe(true);
    publish([], [pod("details-1", "bookinfo", "3")]);
    expect(await trackedIds(reader, 1)).toEqual([versionOf(current())]);
    await reader.cancel();
    controller.abort();
  });

  it("refuses a missing workspace inside the stream, naming the field", async () => {
    const { handle } = handlerFor(fakeFleet());
    const res = await subscribe(handle, { workspace: "" }, new AbortController().signal);
    // tRPC answers a subscription's input error inside the event stream, as a serialized error, and ends it.
    const text = await res.text();
    expect(text).toContain("event: serialized-error");
    expect(text).toContain('"fieldErrors":[{"field":"workspace","message":"workspace is required"}]');
  });
});
