// `npm run demo`: build if needed, start the embedded lab, then the console against the lab's kubeconfig.
// Extra arguments go to the lab (e.g. `npm run demo -- --scenario scale --clusters 5`).
import { resolve } from "node:path";
import { buildIfNeeded } from "./build-if-needed";
import { startUntil, stopTogetherOnSignal } from "./processes";

const root = process.cwd();
const port = process.env.PORT ?? "3000";
const host = process.env.HOST ?? "127.0.0.1";
const kubeconfig = resolve(root, ".lab", "kubeconfig");

await buildIfNeeded(root);
// Start node directly (not through npx/sh wrappers) so a signal sent to this script reaches the real processes.
const node = process.execPath;
const lab = await startUntil(node, ["--import", "tsx", "lab/main.ts", "--kubeconfig", kubeconfig, ...process.argv.slice(2)], /lab ready/, {
  cwd: root,
  prefix: "[lab] ",
});
const consoleServer = await startUntil(node, ["node_modules/next/dist/bin/next", "start", "-H", host, "-p", port], /Ready in|started server/i, {
  cwd: root,
  prefix: "[console] ",
  env: { ...process.env, KUBECONFIG: kubeconfig, NEXT_TELEMETRY_DISABLED: "1" },
});
stopTogetherOnSignal([lab, consoleServer]);
console.log(`\nEastwest Console is running at http://${host}:${port}`);
console.log(`kubectl works too: kubectl --kubeconfig ${kubeconfig} --context west get pods -n bookinfo`);
console.log("Press Ctrl-C to stop the console and the lab.\n");
