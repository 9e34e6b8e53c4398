// WatchHistory: events expire by time (5 min, as etcd compaction), per kind, not by count unless a cap is given.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { StatusError, type StoredEvent } from "./types";
import { COMPACTION_INTERVAL_MS, WatchHistory } from "./watch-history";

const event = (rv: number): StoredEvent => ({ type: "MODIFIED", resourceVersion: rv, object: { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c", resourceVersion: String(rv) } } });

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-12-05T10:00:00Z"));
});
afterEach(() => {
  vi.useRealTimers();
});

function expiredMessage(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (err) {
    if (!(err instanceof StatusError)) throw err;
    expect(err.status).toMatchObject({ code: 410, reason: "Expired" });
    return err.status.message;
  }
}

describe("WatchHistory", () => {
  it.each([
    ["5,000 writes within the retention: all kept", 5000, 0, undefined],
    ["writes older than 5 minutes: compacted on the next write", 10, COMPACTION_INTERVAL_MS + 1, "too old resource version: 1 (10)"],
    ["just inside 5 minutes: kept", 10, COMPACTION_INTERVAL_MS - 1, undefined],
  ])("%s", (_name, writes, advanceMs, message) => {
    const history = new WatchHistory();
    for (let rv = 1; rv <= writes; rv += 1) history.append("cm", event(rv));
    vi.setSystemTime(Date.now() + advanceMs);
    history.append("cm", event(writes + 1));
    expect(expiredMessage(() => history.since("cm", 1, writes + 2))).toBe(message);
    if (message === undefined) expect(history.since("cm", 1, writes + 2)).toHaveLength(writes);
  });

  it("a resume from a compacted kind's last dropped version is still whole", () => {
    const history = new WatchHistory();
    for (let rv = 1; rv <= 3; rv += 1) history.append("cm", event(rv));
    vi.setSystemTime(Date.now() + COMPACTION_INTERVAL_MS + 1);
    history.append("cm", event(4));
    expect(history.since("cm", 3, 5).map((e) => e.resourceVersion)).toEqual([4]);
  });

  it("a quiet kind is compacted by time too (swept when another kind writes, or on read)", () => {
    const history = new WatchHistory();
    history.append("quiet", event(1));
    vi.setSystemTime(Date.now() + COMPACTION_INTERVAL_MS + 1);
    history.append("busy", event(2));
    expect(expiredMessage(() => history.since("quiet", 0, 3))).toBe("too old resource version: 0 (1)");
  });

  it("a count cap, when given, also drops the oldest", () => {
    const history = new WatchHistory({ size: 2 });
    for (let rv = 1; rv <= 4; rv += 1) history.append("cm", event(rv));
    expect(expiredMessage(() => history.since("cm", 1, 5))).toBe("too old resource version: 1 (2)");
    expect(history.since("cm", 2, 5).map((e) => e.resourceVersion)).toEqual([3, 4]);
  });
});
