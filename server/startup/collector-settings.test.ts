// The collector settings, set at run time as instrumentation.ts sets them, in a child Node that V8 traces: with
// them no scavenge has work on helper threads (--trace-gc-nvp) and every old-generation limit grows by 1.3 times
// (--trace-gc-verbose); without them (the control, same workload) some scavenges do — most, on a quiet machine —
// and V8 picks larger factors, so each check can fail.
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

/** One number per line of what a child running WORKLOAD traced (`trace`: a V8 tracing flag), from the lines `marker` picks. */
function traced(trace: string, marker: string, value: RegExp, flags: readonly string[]): number[] {
  const out = execFileSync(process.execPath, [trace, "-e", WORKLOAD, ...flags], { encoding: "utf8" });
  return out
    .split("\n")
    .filter((line) => line.includes(marker))
    .map((line) => Number(value.exec(line)?.[1] ?? Number.NaN));
}

/** The helper threads' time of each scavenge the child traced. */
const backgroundTimes = (flags: readonly string[]) => traced("--trace-gc-nvp", "gc=s ", /background\.scavenge\.parallel=([\d.]+)/, flags);

/** The growing factor of each old-generation limit the child computed ("[HeapController] Limit: … (1.3)"). */
const limitFactors = (flags: readonly string[]) => traced("--trace-gc-verbose", "[HeapController] Limit:", /\(([\d.]+)\)\s*$/, flags);

type Reading = [string, (flags: readonly string[]) => number[], (n: number) => boolean, (n: number) => boolean, number];

describe("collector settings", () => {
  // What the workload shows without the settings (the control), and with them; at least `seen` readings with them.
  it.each<Reading>([
    ["keep scavenges off V8's helper threads, which the same workload uses without them", backgroundTimes, (ms) => ms > 0, (ms) => ms === 0, 5],
    ["let the old generation grow to 1.3 times what survived, where V8 alone picks more", limitFactors, (factor) => factor > 1.3, (factor) => factor === 1.3, 0],
  ])("%s", (_name, read, withoutThem, withThem, seen) => {
    const control = read([]);
    const tuned = read(COLLECTOR_FLAGS);
    expect(control.some(withoutThem)).toBe(true);
    expect(tuned.length).toBeGreaterThan(seen);
    expect(tuned.every(withThem)).toBe(true);
  });
});
