import { describe, expect, it } from "vitest";
import type { DrillPhase } from "@/lib/drills/schema";
import { timelineSteps } from "./timeline-steps";

const at = (phase: string, s: number, message?: string) => ({ phase, at: `2026-12-05T07:00:${String(s).padStart(2, "0")}Z`, ...(message ? { message } : {}) });
const FULL = [at("Pending", 0), at("Prechecking", 1), at("Baseline", 2), at("Injecting", 5), at("Observing", 6), at("Restoring", 9), at("Succeeded", 12, "restored")];

describe("timelineSteps", () => {
  it.each<[string, DrillPhase, ReturnType<typeof at>[], string]>([
    ["a new drill", "Pending", [], "Pending:current Prechecking:upcoming Baseline:upcoming Injecting:upcoming Observing:upcoming Restoring:upcoming Finished:upcoming"],
    ["a drill observing", "Observing", FULL.slice(0, 5), "Pending:done Prechecking:done Baseline:done Injecting:done Observing:current Restoring:upcoming Finished:upcoming"],
    ["a passed drill", "Succeeded", FULL, "Pending:done Prechecking:done Baseline:done Injecting:done Observing:done Restoring:done Succeeded:done"],
    ["a drill stopped at precheck", "Failed", [at("Pending", 0), at("Prechecking", 1), at("Failed", 2)], "Pending:done Prechecking:done Baseline:skipped Injecting:skipped Observing:skipped Restoring:skipped Failed:done"],
    ["an aborted drill", "Aborted", [...FULL.slice(0, 5), at("Restoring", 7), at("Aborted", 9)], "Pending:done Prechecking:done Baseline:done Injecting:done Observing:done Restoring:done Aborted:done"],
  ])("%s", (_, phase, timeline, expected) => {
    expect(timelineSteps(phase, timeline).map((s) => `${s.phase}:${s.state}`).join(" ")).toBe(expected);
  });

  it("gives Pending the object's creation time when the runner recorded none", () => {
    expect(timelineSteps("Baseline", [at("Prechecking", 1)], "2026-12-05T06:59:59Z")[0]).toMatchObject({ phase: "Pending", state: "done", at: "2026-12-05T06:59:59Z" });
    expect(timelineSteps("Baseline", [at("Pending", 0)], "2026-12-05T06:59:59Z")[0]?.at).toBe("2026-12-05T07:00:00Z");
  });

  it("keeps the first time of a phase the runner re-entered, and the final message", () => {
    const steps = timelineSteps("Succeeded", [...FULL.slice(0, 4), at("Injecting", 30), ...FULL.slice(4)]);
    expect(steps.find((s) => s.phase === "Injecting")?.at).toBe("2026-12-05T07:00:05Z");
    expect(steps.at(-1)).toMatchObject({ phase: "Succeeded", message: "restored" });
  });
});
