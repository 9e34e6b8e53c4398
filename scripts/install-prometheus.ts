// The Prometheus integration test (lab/dataplane/prometheus.int.test.ts) runs Debian's Prometheus (no download is
// possible on these machines). On a fresh machine the test setup installs it with apt-get when it runs as root
// (vitest's globalSetup runs this before any test), so the README's one test command is all CI needs, as
// scripts/ensure-chromium.ts does for the e2e browser. Elsewhere it says how to get it, and the test fails saying so.
// `npx tsx scripts/install-prometheus.ts` installs it by hand (and fails when it cannot).
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { findPrometheus, PROMETHEUS_INSTALL_HINT, PROMETHEUS_PATH } from "../lab/dataplane/prometheus";
import { run } from "./processes";

export async function ensurePrometheus(): Promise<void> {
  if (findPrometheus()) return;
  if (process.getuid?.() !== 0) throw new Error(`Prometheus not found at ${PROMETHEUS_PATH}. Install it: sudo ${PROMETHEUS_INSTALL_HINT}.`);
  console.log("test setup: installing Debian's prometheus (once per machine)…");
  // Another apt-get (a second test run, the e2e's chromium install) may hold dpkg's lock: wait for it.
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const apt = (args: string[]) => run("apt-get", ["-o", "DPkg::Lock::Timeout=300", ...args], { env });
  if ((await apt(["update", "-qq"])) !== 0) throw new Error("apt-get update failed");
  if ((await apt(["install", "-y", "-qq", "--no-install-recommends", "prometheus"])) !== 0) throw new Error("apt-get install prometheus failed");
  if (!findPrometheus()) throw new Error(`apt-get installed prometheus, but there is none at ${PROMETHEUS_PATH} (set PROMETHEUS_PATH)`);
}

/**
 * vitest globalSetup: install when it can; when it cannot (not root), say so and let the other tests run; the
 * Prometheus test then fails with the same instructions.
 */
export default async function setup(): Promise<void> {
  await ensurePrometheus().catch((error: unknown) => console.warn(`test setup: ${error instanceof Error ? error.message : String(error)}`));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await ensurePrometheus();
