// In a child Node (lowering is one-way without privilege, so never in the test runner's own process): after
// lowerHelperThreads every thread but the event loop's runs at the planner's nice value, and before it none did.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { PLANNER_NICE } from "@/server/model/planner-protocol";
import { lowerHelperThreads } from "./helper-threads";

const CHILD = `
import { readdirSync, readFileSync } from "node:fs";
// /proc/self/task/<tid>/stat: the 19th field is the thread's nice value (fields counted after the name's ")").
const nice = (tid) => Number(readFileSync("/proc/self/task/" + tid + "/stat", "utf8").split(") ")[1].split(" ")[16]);
const read = () => readdirSync("/proc/self/task").map((tid) => ({ main: Number(tid) === process.pid, nice: nice(tid) }));
const before = read();
const { lowerHelperThreads } = await import(process.env.MODULE);
const result = lowerHelperThreads();
console.log(JSON.stringify({ before, result, after: read() }));
`;

type Seen = { before: Array<{ main: boolean; nice: number }>; result: ReturnType<typeof lowerHelperThreads>; after: Array<{ main: boolean; nice: number }> };

describe.runIf(process.platform === "linux")("lowerHelperThreads", () => {
  it("lowers every thread but the event loop's to the planner's nice value", () => {
    const out = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", CHILD], {
      encoding: "utf8",
      env: { ...process.env, MODULE: new URL("./helper-threads.ts", import.meta.url).href },
    });
    const seen = JSON.parse(out.trim().split("\n").at(-1) ?? "{}") as Seen;
    const helpers = seen.after.filter((t) => !t.main);
    expect(helpers.length).toBeGreaterThanOrEqual(4);
    expect(seen.before.filter((t) => !t.main).every((t) => t.nice === 0)).toBe(true);
    expect(helpers.every((t) => t.nice === PLANNER_NICE)).toBe(true);
    expect(seen.after.find((t) => t.main)?.nice).toBe(0);
    expect(seen.result).toEqual({ kind: "lowered", threads: helpers.length });
  });
});

describe("lowerHelperThreads elsewhere", () => {
  it("touches nothing off Linux, where a thread id may be another process's", () => {
    expect(lowerHelperThreads("darwin")).toEqual({ kind: "skipped", reason: "per-thread priorities are Linux's (this is darwin)" });
  });
});
