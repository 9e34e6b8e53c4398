// The lab CLI: `npx tsx lab/main.ts [--scenario demo|scale|e2e|dns-gateway] [--clusters N] [--services M] [--workspaces W]
// [--gateways] [--kubeconfig PATH] [--port-base N] [--admin-port N] [--host H] [--no-data-plane] [--demo-traffic]`
// (--workspaces, --gateways: scale only; --demo-traffic: the demo's steady load in another scenario too).
// Prints each cluster, each cluster's metrics endpoint, the kubeconfig, the admin URL, the admin token's file and
// the token, start time and memory, then `lab ready`; SIGINT/SIGTERM stop everything and exit 0.
// A non-loopback --host gets a warning banner on stderr first.
// `request …` and `fault pod|gateway …` act on a running lab instead (admin/cli.ts).
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { adminCommand } from "./admin/cli";
import { exposedHostBanner } from "./host-banner";
import { isScenarioName, scenarios } from "./scenarios/index";
import { startLab, type Lab, type LabOptions } from "./start";

function intOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer (got "${value}")`);
  return n;
}

function parseLabArgs(args: string[]): LabOptions {
  const { values } = parseArgs({
    args,
    options: {
      scenario: { type: "string", default: "demo" },
      clusters: { type: "string" },
      services: { type: "string" },
      workspaces: { type: "string" },
      gateways: { type: "boolean", default: false },
      kubeconfig: { type: "string", default: ".lab/kubeconfig" },
      "port-base": { type: "string" },
      "admin-port": { type: "string" },
      host: { type: "string", default: "127.0.0.1" },
      "no-data-plane": { type: "boolean", default: false },
      "demo-traffic": { type: "boolean" },
    },
    strict: true,
  });
  const scenario = values.scenario ?? "demo";
  if (!isScenarioName(scenario)) throw new Error(`--scenario must be one of ${Object.keys(scenarios).join(", ")} (got "${scenario}")`);
  return {
    scenario,
    clusters: intOption("clusters", values.clusters),
    services: intOption("services", values.services),
    workspaces: intOption("workspaces", values.workspaces),
    gateways: values.gateways,
    kubeconfigPath: resolve(values.kubeconfig ?? ".lab/kubeconfig"),
    portBase: intOption("port-base", values["port-base"]),
    adminPort: intOption("admin-port", values["admin-port"]),
    host: values.host,
    dataPlane: !values["no-data-plane"],
    ...(values["demo-traffic"] ? { demoTraffic: true } : {}),
  };
}

function stopOnSignals(lab: Lab): void {
  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`lab stopping (${signal})`);
    lab.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`lab: stop failed: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  // A parent that started the lab with a pipe (a benchmark, a test) may be gone by the time the lab says it is
  // stopping: a closed pipe is no reason to crash instead of stopping cleanly.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
  });
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
}

async function main(): Promise<void> {
  const command = adminCommand(process.argv.slice(2));
  if (command) return command((line) => console.log(line));
  const options = parseLabArgs(process.argv.slice(2));
  const banner = exposedHostBanner(options.host ?? "127.0.0.1");
  if (banner) console.error(banner);
  const lab = await startLab(options);
  stopOnSignals(lab);
  for (const c of lab.clusters) console.log(`cluster ${c.name} ${c.url}`);
  // Istio's standard metrics per cluster, in Prometheus text format (what a scrape config lists).
  for (const [name, url] of Object.entries(lab.dataPlane.metricsUrls)) console.log(`metrics ${name} ${url}`);
  console.log(`kubeconfig ${lab.kubeconfigPath}`);
  console.log(`users kubeconfig ${lab.usersKubeconfigPath}`);
  console.log(`admin ${lab.adminUrl}`);
  // Every admin request but /healthz needs `Authorization: Bearer <token>`; scripts read it from the file.
  console.log(`admin token file ${lab.adminTokenPath}`);
  console.log(`admin token ${lab.adminToken}`);
  const rssMiB = Math.round(process.memoryUsage().rss / 2 ** 20);
  // performance.now() counts from process start, so this includes loading the lab's modules.
  console.log(`started in ${Math.round(performance.now())} ms, rss ${rssMiB} MiB`);
  console.log("lab ready");
}

main().catch((error: unknown) => {
  console.error(`lab: ${(error as Error).message}`);
  process.exit(1);
});
