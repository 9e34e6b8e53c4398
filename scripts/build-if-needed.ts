// `npm run demo` builds only when the sources are newer than the last production build (.next/BUILD_ID).
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { buildModelWorkerIfNeeded } from "./build-model-worker";
import { prepareStandalone } from "./prepare-standalone";
import { run } from "./processes";

const SOURCES = ["app", "components", "lib", "server", "public", "instrumentation.ts", "proxy.ts", "next.config.js", "tsconfig.build.json", "package-lock.json", "postcss.config.mjs", "tsconfig.json"];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, entry) => Math.max(newest, newestMtime(join(path, entry))), stat.mtimeMs);
}

export function buildIsStale(root: string): boolean {
  const buildId = join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return SOURCES.some((source) => newestMtime(join(root, source)) > built);
}

export async function buildIfNeeded(root: string, force = false): Promise<void> {
  // The planner worker is its own bundle (dist/planner-worker.mjs), checked against its own inputs.
  await buildModelWorkerIfNeeded(root);
  if (!force && !buildIsStale(root)) {
    console.log("build: .next is up to date");
    // The worker may have been rebuilt just now: the standalone copy follows it.
    prepareStandalone(root);
    return;
  }
  const code = await run("npx", ["next", "build"], { cwd: root, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (code !== 0) throw new Error(`next build failed with exit code ${code}`);
  prepareStandalone(root);
}
