import { describe, expect, it } from "vitest";
import { drillReportJson, drillReportMarkdown, type DrillReportInput } from "./report";
import { simulate } from "./test-sim";
import { worldOf } from "./test-world";

const ref = { cluster: "west", namespace: "bookinfo", name: "details-20261205-010000" };

function finished(): DrillReportInput {
  const { world } = simulate(worldOf(), { remote: "east" });
  if (!world.drill.status) throw new Error("the simulated drill has no status");
  return { ref, spec: world.drill.spec, status: world.drill.status };
}

describe("drillReportMarkdown", () => {
  const md = drillReportMarkdown(finished());

  it("says the verdict first", () => {
    expect(md.split("\n").slice(0, 3)).toEqual(["# Failover drill details-20261205-010000", "", "**Verdict: Passed** — traffic moved to east in 1 s"]);
  });

  it("has the figures, served-by before/during/after and the timeline", () => {
    expect(md).toContain("| Time to shift | 1 s |");
    expect(md).toContain("| Failed requests | 0 |");
    expect(md).toContain("| Baseline | 27 requests, 100% succeeded, p50 4 ms, p95 4 ms |");
    expect(md).toMatch(/\| east \| 0 \| 25 \| 0 \|/);
    expect(md).toMatch(/\| west \| 27 \| 0 \| 15 \|/);
    expect(md).toContain("| 2026-12-05 01:00:06 UTC | +6 s | Injecting | scaling details-v1 2 → 0 |");
    expect(md).toContain("| Finished | 2026-12-05 01:00:17 UTC (after 17 s) |");
    expect(md).toContain("- Deployment details-v1: 2 replicas (uid dep-uid)");
    expect(md).toContain("| Restored | True | FaultUndone | details-v1 back to 2 replicas |");
  });

  it("escapes table cells", () => {
    const input = finished();
    const text = drillReportMarkdown({ ...input, status: { ...input.status, reason: "a | b\nc" } });
    expect(text).toContain("**Verdict: Passed** — a \\| b c");
  });

  it("reports a drill without a verdict yet", () => {
    const text = drillReportMarkdown({ ref, spec: finished().spec, status: { conditions: [], timeline: [] } });
    expect(text).toContain("**Phase: Pending** (no verdict yet)");
    expect(text).toContain("No request was recorded.");
    expect(text).not.toContain("## Undo record");
  });
});

describe("drillReportJson", () => {
  it("is the export shape, with offsets from the start", () => {
    const json = drillReportJson(finished());
    expect(json).toMatchObject({
      kind: "FailoverDrillReport",
      version: 1,
      drill: ref,
      service: "details",
      fault: "ScaleToZero",
      phase: "Succeeded",
      verdict: "Passed",
      durationSeconds: 17,
      figures: { timeToShiftSeconds: 1, failedRequests: 0, timeToRestoreSeconds: 1 },
      servedBy: { before: { west: 27 }, during: { east: 25 }, after: { west: 15 } },
    });
    expect(json.timeline.map((t) => [t.phase, t.offsetSeconds])).toEqual([
      ["Prechecking", 0],
      ["Baseline", 0],
      ["Injecting", 6],
      ["Observing", 7],
      ["Restoring", 12],
      ["Succeeded", 17],
    ]);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});
