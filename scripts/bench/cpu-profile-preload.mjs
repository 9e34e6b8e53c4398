// Benchmarks only (BENCH_CPU_PROFILE=<dir>): loaded with NODE_OPTIONS="--import <this file>" into every Node process
// a benchmark starts. `next start` serves from a process of its own, where `--cpu-prof` on the launcher does not
// reach and which NODE_OPTIONS refuses `--cpu-prof` for; this preload gives each process a profiler switched by
// SIGUSR2 (first: start, second: stop and write <dir>/<pid>.cpuprofile), so a benchmark profiles just its window.
// The main thread's inspector session answers synchronously, so the write completes inside the signal handler.
// With BENCH_HEAP_SAMPLE=1 too, each process samples its allocations from the start, and the second SIGUSR2 also
// writes <dir>/<pid>.heapprofile: where what is still live was allocated (V8's sampling heap profiler, live
// objects only), which is what a heap snapshot too big to take says by type. Every profile window also writes
// <dir>/<pid>.gc.json: each collection's [start, duration] in microseconds on the late windows' clock and its kind
// (perf_hooks' NODE_PERFORMANCE_GC_*: 1 minor, 4 major, 8 incremental marking, 16 weak callbacks), so an analyzer
// can tell which late timers were collections. With BENCH_TRACE_GC=1, V8 prints each collection's phases
// (--trace-gc-nvp) to the process's stdout during the window. BENCH_V8_FLAGS (space-separated) are set in every
// process at start, to try a V8 setting before the console adopts it. BENCH_CPU_SAMPLES=0 keeps the late windows and
// the collections but takes no CPU profile (the sampler's own cost stretches the very blocks being looked for).
import { mkdirSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import { join } from "node:path";
import { performance, PerformanceObserver } from "node:perf_hooks";
import { setFlagsFromString } from "node:v8";

const dir = process.env.BENCH_CPU_PROFILE;
for (const flag of (process.env.BENCH_V8_FLAGS ?? "").split(" ").filter(Boolean)) setFlagsFromString(flag);
if (dir) {
  mkdirSync(join(dir, "pids"), { recursive: true });
  writeFileSync(join(dir, "pids", String(process.pid)), process.argv.slice(1).join(" "));
  let session;
  const sampling = process.env.BENCH_CPU_SAMPLES !== "0";
  // While profiling: every time a 5 ms timer fires more than 40 ms late, the block it waited for ([start, end] on
  // the profile's clock, microseconds), written beside the profile so an analyzer can say what ran in each.
  let late = [];
  let ticker;
  let gcs = [];
  // performance's clock to hrtime's (the late windows' and the CPU profile's), in microseconds.
  const offset = Number(process.hrtime.bigint() / 1000n) - Math.round(performance.now() * 1000);
  const gcWatch = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcs.push([offset + Math.round(e.startTime * 1000), Math.round(e.duration * 1000), e.detail?.kind ?? 0]);
  });
  const heap = process.env.BENCH_HEAP_SAMPLE === "1" ? new Session() : undefined;
  if (heap) {
    heap.connect();
    heap.post("HeapProfiler.enable");
    heap.post("HeapProfiler.startSampling", { samplingInterval: 65_536 });
  }
  const watchLateness = () => {
    let last = process.hrtime.bigint();
    ticker = setInterval(() => {
      const now = process.hrtime.bigint();
      if (now - last > 40_000_000n) late.push([Number(last / 1000n), Number(now / 1000n)]);
      last = now;
    }, 5);
  };
  process.on("SIGUSR2", () => {
    if (!session) {
      late = [];
      gcs = [];
      gcWatch.observe({ entryTypes: ["gc"] });
      if (process.env.BENCH_TRACE_GC === "1") setFlagsFromString("--trace-gc-nvp");
      watchLateness();
      session = new Session();
      session.connect();
      if (!sampling) return;
      session.post("Profiler.enable");
      session.post("Profiler.setSamplingInterval", { interval: 1000 });
      session.post("Profiler.start");
      return;
    }
    const stop = sampling ? (done) => session.post("Profiler.stop", done) : (done) => done(new Error("not sampled"));
    stop((err, result) => {
      clearInterval(ticker);
      gcWatch.disconnect();
      if (process.env.BENCH_TRACE_GC === "1") setFlagsFromString("--no-trace-gc-nvp");
      writeFileSync(join(dir, `${process.pid}.gc.json`), JSON.stringify(gcs));
      if (!err) writeFileSync(join(dir, `${process.pid}.cpuprofile`), JSON.stringify(result.profile));
      writeFileSync(join(dir, `${process.pid}.late.json`), JSON.stringify(late));
      heap?.post("HeapProfiler.getSamplingProfile", (e, r) => {
        if (!e) writeFileSync(join(dir, `${process.pid}.heapprofile`), JSON.stringify(r.profile));
      });
      session.disconnect();
      session = undefined;
    });
  });
}
