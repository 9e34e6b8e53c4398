import { describe, expect, it } from "vitest";
import type { FleetEvent, FleetView } from "@/lib/fleet-schema";
import { fleetChanges } from "./changes";
import { createFleetFeed, type FeedEntry } from "./feed";

const view = (tag: string): FleetView => ({ kind: "ready", sources: [tag], managementCluster: null, clusters: [] });
const reset = (tag: string): FleetEvent => ({ type: "fleet-reset", fleet: view(tag) });

/** Pulls `count` entries from the stream, publishing `during` once it is subscribed. */
async function take(stream: AsyncGenerator<FeedEntry>, count: number, during?: () => void) {
  const out: FeedEntry[] = [];
  for (let i = 0; i < count; i++) {
    const next = await stream.next();
    if (next.done) break;
    out.push(next.value);
    if (i === 0) during?.();
  }
  return out;
}

function setup() {
  const feed = createFleetFeed({ epoch: "t", backlogSize: 2 });
  let current = view("initial");
  const deps = { feed, ready: async () => undefined, view: () => current };
  const publish = (tag: string) => {
    current = view(tag);
    feed.publish(reset(tag));
  };
  return { feed, deps, publish };
}

const tags = (entries: FeedEntry[]) =>
  entries.map((e) => `${e.id}:${e.event.type === "fleet-reset" ? e.event.fleet.kind === "ready" && e.event.fleet.sources[0] : "?"}`);

describe("fleetChanges", () => {
  it("a new client gets a snapshot tagged with the current id, then live events", async () => {
    const { deps, publish } = setup();
    publish("one");
    const stream = fleetChanges(deps, undefined, undefined);
    expect(tags(await take(stream, 2, () => publish("two")))).toEqual(["t.1:one", "t.2:two"]);
    await stream.return(undefined);
  });

  it("a resuming client gets exactly what it missed", async () => {
    const { deps, publish } = setup();
    publish("one");
    publish("two");
    const stream = fleetChanges(deps, "t.1", undefined);
    expect(tags(await take(stream, 2, () => publish("three")))).toEqual(["t.2:two", "t.3:three"]);
    await stream.return(undefined);
  });

  it.each([["t.0"], ["other.1"]])("an expired id (%s) starts over with a snapshot", async (lastEventId) => {
    const { deps, publish } = setup();
    publish("one");
    publish("two");
    publish("three");
    const stream = fleetChanges(deps, lastEventId, undefined);
    expect(tags(await take(stream, 1))).toEqual(["t.3:three"]);
    await stream.return(undefined);
  });

  it("ends when the request is aborted and unsubscribes", async () => {
    const { deps } = setup();
    const controller = new AbortController();
    const stream = fleetChanges(deps, undefined, controller.signal);
    await stream.next();
    const pending = stream.next();
    controller.abort();
    expect(await pending).toEqual({ done: true, value: undefined });
  });

  it("a subscriber that falls more than its queue behind gets one reset with the current fleet, then live events", async () => {
    const { deps, publish } = setup();
    const stream = fleetChanges(deps, undefined, undefined, 3);
    expect(tags(await take(stream, 1))).toEqual(["t.0:initial"]);
    // Nobody reads while five events arrive: the fourth overflows the queue of three, so all five are dropped.
    for (const tag of ["a", "b", "c", "d", "e"]) publish(tag);
    expect(tags(await take(stream, 2, () => publish("f")))).toEqual(["t.5:e", "t.6:f"]);
    await stream.return(undefined);
  });

  it("a subscriber within its queue gets every event in order", async () => {
    const { deps, publish } = setup();
    const stream = fleetChanges(deps, undefined, undefined, 3);
    await take(stream, 1);
    for (const tag of ["a", "b", "c"]) publish(tag);
    expect(tags(await take(stream, 3))).toEqual(["t.1:a", "t.2:b", "t.3:c"]);
    await stream.return(undefined);
  });
});
