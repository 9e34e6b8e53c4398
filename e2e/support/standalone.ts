// The console as the container image starts it: Next's standalone server (`node server.js` in .next/standalone,
// completed by scripts/prepare-standalone.ts), listening where HOSTNAME and PORT say. It changes into its own
// directory, so every path it is given must be absolute (labConsoleSettings resolves KUBECONFIG).
export const STANDALONE_SERVER = ".next/standalone/server.js";

/** A shell command for Playwright's webServer (or any shell): the standalone server on loopback at `port`. */
export function standaloneCommand(port: number): string {
  return `HOSTNAME=127.0.0.1 PORT=${port} exec node ${STANDALONE_SERVER}`;
}

/** The environment that puts the standalone server at `host`:`port`. */
export function listenEnv(host: string, port: number): Record<string, string> {
  return { HOSTNAME: host, PORT: String(port) };
}
