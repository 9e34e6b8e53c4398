import { describe, expect, it } from "vitest";
import type { FleetEvent } from "@/lib/fleet-schema";
import { createFleetFeed } from "./feed";

const reset = (n: number): FleetEvent => ({
  type: "fleet-reset",
  fleet: { kind: "ready", sources: [`/k${n}`], managementCluster: null, clusters: [] },
});

function feedWith(count: number, backlogSize = 3) {
  const feed = createFleetFeed({ backlogSize, epoch: "e1" });
  for (let i = 1; i <= count; i++) feed.publish(reset(i));
  return feed;
}

describe("createFleetFeed", () => {
  it("assigns increasing ids within an epoch", () => {
    const feed = createFleetFeed({ epoch: "e1" });
    expect(feed.lastId()).toBe("e1.0");
    expect([feed.publish(reset(1)).id, feed.publish(reset(2)).id]).toEqual(["e1.1", "e1.2"]);
  });

  it.each([
    ["the latest id → nothing", 5, "e1.5", []],
    ["inside the backlog", 5, "e1.3", [4, 5]],
    ["just before the oldest kept", 5, "e1.2", [3, 4, 5]],
    ["older than the backlog", 5, "e1.1", "expired"],
    ["another epoch (server restarted)", 5, "e0.4", "expired"],
    ["from the future", 5, "e1.9", "expired"],
    ["garbage", 5, "nonsense", "expired"],
    ["start of an empty feed", 0, "e1.0", []],
  ])("since: %s", (_name, count, id, expected) => {
    const result = feedWith(count).since(id);
    expect(result === "expired" ? result : result.map((e) => e.seq)).toEqual(expected);
  });

  it("notifies listeners until they unsubscribe", () => {
    const feed = createFleetFeed({ epoch: "e1" });
    const seen: number[] = [];
    const off = feed.subscribe((e) => seen.push(e.seq));
    feed.publish(reset(1));
    off();
    feed.publish(reset(2));
    expect(seen).toEqual([1]);
  });
});
