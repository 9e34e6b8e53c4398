import { describe, expect, it } from "vitest";
import { createProbeFollow, type LogRead } from "./probe-follow";

const line = (at: string, status: number, cluster: string | null) => `${at} {"ts":"${at.slice(0, 19)}Z","status":${status},"latencyMs":1.0,"servedByCluster":${cluster ? `"${cluster}"` : "null"},"servedByPod":null,"error":null}`;

/** A log that answers like pods/log: sinceTime (whole seconds) keeps lines at or after it; tailLines the last N. */
function fakeLog(lines: string[]): { read: LogRead; queries: Array<{ sinceTime?: string; tailLines?: number }> } {
  const queries: Array<{ sinceTime?: string; tailLines?: number }> = [];
  return {
    queries,
    read: async (query) => {
      queries.push(query);
      let out = lines;
      if (query.sinceTime) out = out.filter((l) => Date.parse(l.split(" ")[0] ?? "") >= Date.parse(query.sinceTime ?? ""));
      if (query.tailLines !== undefined) out = out.slice(-query.tailLines);
      return { ok: true, text: out.join("\n") };
    },
  };
}

describe("the probe's samples, read incrementally", () => {
  it("reads the whole log first, then only since the last second, without counting a line twice", async () => {
    const lines = [line("2026-12-05T06:00:00.100000000Z", 200, "west"), line("2026-12-05T06:00:00.600000000Z", 200, "west")];
    const log = fakeLog(lines);
    const follow = createProbeFollow();
    expect(await follow.update("uid-1", log.read)).toBe(true);
    expect(follow.samples().map((s) => s.servedByCluster)).toEqual(["west", "west"]);
    lines.push(line("2026-12-05T06:00:00.900000000Z", 503, null), line("2026-12-05T06:00:01.200000000Z", 200, "east"));
    await follow.update("uid-1", log.read);
    expect(follow.samples().map((s) => [s.ok, s.servedByCluster ?? null])).toEqual([[true, "west"], [true, "west"], [false, null], [true, "east"]]);
    await follow.update("uid-1", log.read);
    expect(follow.samples()).toHaveLength(4);
    expect(log.queries).toEqual([{ tailLines: 10_000 }, { sinceTime: "2026-12-05T06:00:00Z" }, { sinceTime: "2026-12-05T06:00:01Z" }]);
  });

  it("starts over for a new probe Pod, and has nothing without one", async () => {
    const follow = createProbeFollow();
    await follow.update("uid-1", fakeLog([line("2026-12-05T06:00:00.100000000Z", 200, "west")]).read);
    await follow.update("uid-2", fakeLog([line("2026-12-05T06:00:05.100000000Z", 200, "east")]).read);
    expect(follow.samples().map((s) => s.servedByCluster)).toEqual(["east"]);
    await follow.update(undefined, fakeLog([]).read);
    expect(follow.samples()).toEqual([]);
  });

  it("says when the log could not be read, keeping what it had", async () => {
    const follow = createProbeFollow();
    await follow.update("uid-1", fakeLog([line("2026-12-05T06:00:00.100000000Z", 200, "west")]).read);
    expect(await follow.update("uid-1", async () => ({ ok: false, message: "refused" }))).toBe(false);
    expect(follow.samples()).toHaveLength(1);
  });
});
