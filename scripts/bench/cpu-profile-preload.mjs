// Benchmarks only (BENCH_CPU_PROFILE=<dir>): loaded with NODE_OPTIONS="--import <this file>" into every Node process
// a benchmark starts. `next start` serves from a process of its own, where `--cpu-prof` on the launcher does not
// reach and which NODE_OPTIONS refuses `--cpu-prof` for; this preload gives each process a profiler switched by
// SIGUSR2 (first: start, second: stop and write <dir>/<pid>.cpuprofile), so a benchmark profiles just its window.
// The main thread's inspector session answers synchronously, so the write completes inside the signal handler.
import { mkdirSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import { join } from "node:path";

const dir = process.env.BENCH_CPU_PROFILE;
if (dir) {
  mkdirSync(join(dir, "pids"), { recursive: true });
  writeFileSync(join(dir, "pids", String(process.pid)), process.argv.slice(1).join(" "));
  let session;
  // While profiling: every time a 5 ms timer fires more than 40 ms late, the block it waited for ([start, end] on
  // the profile's clock, microseconds), written beside the profile so an analyzer can say what ran in each.
  let late = [];
  let ticker;
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
      watchLateness();
      session = new Session();
      session.connect();
      session.post("Profiler.enable");
      session.post("Profiler.setSamplingInterval", { interval: 1000 });
      session.post("Profiler.start");
      return;
    }
    session.post("Profiler.stop", (err, result) => {
      clearInterval(ticker);
      if (!err) writeFileSync(join(dir, `${process.pid}.cpuprofile`), JSON.stringify(result.profile));
      writeFileSync(join(dir, `${process.pid}.late.json`), JSON.stringify(late));
      session.disconnect();
      session = undefined;
    });
  });
}
