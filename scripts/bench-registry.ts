// `npm run bench:registry`: the registry figures on the lab's `scale` scenario, as scripts/bench/registry-run.ts
// measures them (the same function `npm run bench` calls): the lab's write capacity alone, convergence and
// writes/s at the production settings, no-op resync writes, change → remote write latency, leader takeover.
// Usage: npx tsx --conditions=react-server scripts/bench-registry.ts [--clusters 20] [--services 500] [--samples 20] [--capacity-writes 5000] [--no-leader]
import { parseArgs } from "node:util";
import { printTable } from "./bench/figures";
import { runAsConsoleProcess } from "./bench/console-flags";
import { runRegistryStage } from "./bench/registry-run";

// The registry runs in this process, standing in for the console's: with the console's Node flags.
runAsConsoleProcess();

const { values } = parseArgs({ options: { clusters: { type: "string", default: "20" }, services: { type: "string", default: "500" }, samples: { type: "string", default: "20" }, "capacity-writes": { type: "string", default: "5000" }, "no-leader": { type: "boolean", default: false }, verbose: { type: "boolean", default: false } } });
const clusters = Number(values.clusters);
const services = Number(values.services);

runRegistryStage({ clusters, services, samples: Number(values.samples), capacityWrites: Number(values["capacity-writes"]), leader: !values["no-leader"], verbose: values.verbose }).then(
  ({ rows }) => {
    printTable(`Registry on the lab's scale scenario, ${clusters} × ${services}`, rows);
    process.exit(0);
  },
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
