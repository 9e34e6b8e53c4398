// The console as the container image starts it: Next's standalone server (`node server.js` in .next/standalone,
// completed by scripts/prepare-standalone.ts), listening where HOSTNAME and PORT say. It changes into its own
// directory, so every path it is given must be absolute (labConsoleSettings resolves KUBECONFIG).
export const STANDALONE_SERVER = ".next/standalone/server.js";

/**
 * Node's flags for the console's process, given wherever it starts (the Dockerfile's CMD too: docker-cmd.test.ts).
 * `--max-semi-space-size=64` (MiB; V8's default is 16): at 20 × 500 the console's old generation holds ~1.9 GB,
 * and each young collection first walks the headers of all its pages, a fixed cost of cache misses whatever
 * survives (`perf record` of bench:workspace's team run: that loop held 20 of the 50 samples taken inside the
 * collector). Four times the young space means about a quarter of the collections: 6 instead of 22 over the same
 * team run (both traced with --trace-gc-nvp), event-loop delay p99 54 ms instead of 72 ms. It costs up to 3 × 48
 * MiB more (two semi-spaces and young large objects). Only a command-line flag sets it for the event loop: V8
 * sizes an isolate's young generation once, when the isolate is made. The planner worker, made later, gets V8's
 * default instead (server/model/planner-thread-heap.ts).
 */
export const CONSOLE_NODE_FLAGS = ["--max-semi-space-size=64"] as const;

/** A shell command for Playwright's webServer (or any shell): the standalone server on loopback at `port`. */
export function standaloneCommand(port: number): string {
  return `HOSTNAME=127.0.0.1 PORT=${port} exec node ${CONSOLE_NODE_FLAGS.join(" ")} ${STANDALONE_SERVER}`;
}

/** The environment that puts the standalone server at `host`:`port`. */
export function listenEnv(host: string, port: number): Record<string, string> {
  return { HOSTNAME: host, PORT: String(port) };
}
