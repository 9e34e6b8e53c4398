// The console's runtime alone (fleet cache, model, registry, drill runner), no web server: a process the drill
// crash-safety test (server/drills/drill-crash.int.test.ts) can SIGKILL mid-drill and start again. Run with
// `tsx --conditions=react-server scripts/drill-runtime.ts` and the console's environment (KUBECONFIG,
// EASTWEST_REGISTRY_MODE=standalone, …). Each log line goes to stdout; "drill-runtime: ready" once the fleet is read.
import { homedir } from "node:os";
import { parseEnv } from "../server/env";
import { startRuntime } from "../server/runtime";

const runtime = startRuntime(parseEnv(process.env, homedir()), (line) => console.log(line));
await runtime.fleet.ready();
console.log("drill-runtime: ready");

// A clean stop on SIGTERM/SIGINT (the Lease released); SIGKILL, which the test sends, skips all of this.
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    void runtime.stop().finally(() => process.exit(0));
  });
}
