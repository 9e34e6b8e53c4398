// `npm run demo`: build if needed, start the embedded lab, then the console against the lab's kubeconfig.
// Extra arguments go to the lab (e.g. `npm run demo -- --scenario scale --clusters 5`).
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { parseEnv } from "../server/env";
import { listenVerdict } from "../server/startup/loopback";
import { buildIfNeeded } from "./build-if-needed";
import { startDemoPrometheus } from "./demo-prometheus";
import { startUntil, stopTogetherOnSignal } from "./processes";
import { CONSOLE_NODE_FLAGS } from "../e2e/support/standalone";

const root = process.cwd();
const port = process.env.PORT ?? "3000";
const host = process.env.HOST ?? "127.0.0.1";
// Before building or starting anything: without authentication the console may listen on loopback only (the
// server checks again as it starts).
const listen = listenVerdict([host], parseEnv(process.env, homedir()).authMode);
if (!listen.ok) {
  console.error(listen.message);
  process.exit(1);
}
// `--kubeconfig PATH` goes to the lab, and the console reads the same file (never another lab's).
const labArgs = process.argv.slice(2);
const kubeconfigFlag = labArgs.indexOf("--kubeconfig");
const kubeconfig = resolve(root, (kubeconfigFlag >= 0 ? labArgs[kubeconfigFlag + 1] : undefined) ?? join(".lab", "kubeconfig"));
if (kubeconfigFlag >= 0) labArgs.splice(kubeconfigFlag, 2);

await buildIfNeeded(root);
// Start node directly (not through npx/sh wrappers) so a signal sent to this script reaches the real processes.
const node = process.execPath;
// The lab prints its admin token; the demo shows where it is instead, so the token stays off screens and logs.
const lab = await startUntil(node, ["--import", "tsx", "lab/main.ts", "--kubeconfig", kubeconfig, ...labArgs], /lab ready/, {
  cwd: root,
  prefix: "[lab] ",
  hide: /^admin token [0-9a-f]+$/,
});
const adminTokenFile = join(dirname(kubeconfig), "admin-token");
// Prometheus scraping the lab's per-cluster Istio metrics when it is installed (else one line on how to get it),
// started before the console so the console is told where it is: its pages then show which cluster served what.
const prometheus = await startDemoPrometheus(labArgs, kubeconfig);
// The standalone server, as the container image starts it (scripts/prepare-standalone.ts); it changes into its own
// directory, so every path it is given is absolute.
const consoleServer = await startUntil(node, [...CONSOLE_NODE_FLAGS, join(root, ".next", "standalone", "server.js")], /Ready in|started server/i, {
  cwd: root,
  prefix: "[console] ",
  env: {
    // The lab is a sandbox: the registry writes there (standalone) and its gateways publish loopback addresses.
    EASTWEST_REGISTRY_MODE: "standalone",
    EASTWEST_ALLOW_LOOPBACK_GATEWAY_ADDRESSES: "true",
    ...process.env,
    KUBECONFIG: resolve(root, kubeconfig),
    HOSTNAME: host,
    PORT: port,
    // The demo's own Prometheus is the one that scrapes this lab (another one would show another mesh).
    ...(prometheus.url ? { EASTWEST_PROMETHEUS_URL: prometheus.url } : {}),
    NEXT_TELEMETRY_DISABLED: "1",
  },
});
stopTogetherOnSignal([lab, consoleServer, ...prometheus.children]);
console.log(`\nEastwest Console is running at http://${host}:${port}`);
console.log(`kubectl works too: kubectl --kubeconfig ${kubeconfig} --context west get pods -n bookinfo`);
console.log(`The lab's admin endpoint (fault injection) wants the token in ${adminTokenFile}: curl -H "Authorization: Bearer $(cat ${adminTokenFile})" …`);
console.log(prometheus.message);
console.log("Press Ctrl-C to stop the console and the lab.\n");
