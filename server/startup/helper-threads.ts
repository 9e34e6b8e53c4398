// The console's helper threads run below its event loop, as the planner worker does (planner-worker.ts).
//
// V8's platform threads (four, started with the process) run every isolate's concurrent marking, sweeping and
// optimising compiles, and help in each isolate's mark-compact pause. The planner worker's heap churns through
// previews: during bench:workspace's team run at 20 × 500 it had 3–5 mark-compacts of 90–310 ms, and `perf record`
// showed the platform threads then using up to 1.9 of the machine's 2 cores, at the event loop's priority. The
// event loop lost the CPU meanwhile: its own young collections are single-threaded (collector-settings.ts), yet
// it was on the CPU for ~100 ms of their 233 ms. Linux keeps a nice value per thread and setpriority(2) takes a
// thread id, so every thread of the process but the event loop's (whose id is the process id) is lowered once, at
// start, when the platform threads exist. That includes libuv's pool threads started by then (file reads, DNS
// lookups); later ones inherit their creator's value, the event loop's.
//
// Only on Linux, and only ids listed in /proc/self/task: elsewhere a thread id is not a process's, and lowering
// another process is never what we want. Lowering needs no privilege; a refusal leaves that thread as it was.
import { readdirSync } from "node:fs";
import { setPriority } from "node:os";
import { PLANNER_NICE } from "@/server/model/planner-protocol";

export type Lowered = { kind: "lowered"; threads: number } | { kind: "skipped"; reason: string };

export function lowerHelperThreads(platform: NodeJS.Platform = process.platform): Lowered {
  if (platform !== "linux") return { kind: "skipped", reason: `per-thread priorities are Linux's (this is ${platform})` };
  let tids: number[];
  try {
    tids = readdirSync("/proc/self/task").map(Number);
  } catch {
    return { kind: "skipped", reason: "/proc/self/task cannot be read" };
  }
  let threads = 0;
  for (const tid of tids) {
    if (tid === process.pid || !Number.isSafeInteger(tid)) continue;
    try {
      setPriority(tid, PLANNER_NICE);
      threads++;
    } catch {
      // Refused (seccomp, a thread that ended meanwhile): it keeps its priority.
    }
  }
  return { kind: "lowered", threads };
}
