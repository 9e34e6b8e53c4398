// The collector settings, set at run time as instrumentation.ts sets them, in a child Node whose every young
// collection V8 traces (--trace-gc-nvp): with them no scavenge has work on helper threads; without them (the
// control, same workload) some do — most, on a quiet machine — so the check can fail.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { COLLECTOR_FLAGS } from "./collector-settings";

// Enough young objects alive across each scavenge (four arrays of 40,000) that V8 splits the copying into tasks.
const WORKLOAD = `
const v8 = require("node:v8");
for (const flag of process.argv.slice(1)) v8.setFlagsFromString(flag);
const keep = [];
for (let r = 0; r < 60; r++) { const a = []; for (let i = 0; i < 40000; i++) a.push({ i, s: [i] }); keep.push(a); if (keep.length > 4) keep.shift(); }
`;

/** The helper threads' time of each scavenge the child traced. */
function backgroundTimes(flags: readonly string[]): number[] {
  const trace = execFileSync(process.execPath, ["--trace-gc-nvp", "-e", WORKLOAD, ...flags], { encoding: "utf8" });
  return trace
    .split("\n")
    .filter((line) => line.includes("gc=s "))
    .map((line) => Number(/background\.scavenge\.parallel=([\d.]+)/.exec(line)?.[1] ?? Number.NaN));
}

/** The growing factor of each old-generation limit the child computed (--trace-gc-verbose: "Limit: … (1.3)"). */
function limitFactors(flags: readonly string[]): number[] {
  const trace = execFileSync(process.execPath, ["--trace-gc-verbose", "-e", WORKLOAD, ...flags], { encoding: "utf8" });
  return trace
    .split("\n")
    .filter((line) => line.includes("[HeapController] Limit:"))
    .map((line) => Number(/\(([\d.]+)\)\s*$/.exec(line)?.[1] ?? Number.NaN));
}

describe("collector settings", () => {
  it("keep scavenges off V8's helper threads, which the same workload uses without them", () => {
    const control = backgroundTimes([]);
    const tuned = backgroundTimes(COLLECTOR_FLAGS);
    expect(control.some((ms) => ms > 0)).toBe(true);
    expect(tuned.length).toBeGreaterThan(5);
    expect(tuned.every((ms) => ms === 0)).toBe(true);
  });

  it("let the old generation grow to 1.3 times what survived, where V8 alone picks more for the same workload", () => {
    const control = limitFactors([]);
    const tuned = limitFactors(COLLECTOR_FLAGS);
    expect(control.some((factor) => factor > 1.3)).toBe(true);
    expect(tuned.length).toBeGreaterThan(0);
    expect(tuned.every((factor) => factor === 1.3)).toBe(true);
  });
});
