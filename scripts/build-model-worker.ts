// Bundles the planner worker (server/model/planner-worker.ts) into dist/planner-worker.mjs: a worker thread
// runs plain JavaScript, so it cannot load the TypeScript sources or the "@/" paths the way Next and tsx do.
// `npm run build:worker`; also run by `npm run build`, the demo's build-if-needed and vitest's global setup,
// which rebuild only when the bundle is missing or older than one of its inputs (esbuild's metafile lists them).
import { build } from "esbuild";
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const ENTRY = "server/model/planner-worker.ts";
const OUT = "dist/planner-worker.mjs";
const META = "dist/planner-worker.meta.json";

export function workerIsStale(root = ROOT): boolean {
  const out = join(root, OUT);
  const meta = join(root, META);
  if (!existsSync(out) || !existsSync(meta)) return true;
  const built = statSync(out).mtimeMs;
  let inputs: string[];
  try {
    inputs = Object.keys((JSON.parse(readFileSync(meta, "utf8")) as { inputs: Record<string, unknown> }).inputs);
  } catch {
    return true;
  }
  return inputs.some((input) => !existsSync(join(root, input)) || statSync(join(root, input)).mtimeMs > built);
}

/** Builds the bundle; written under a temporary name and renamed, so a concurrent reader never sees half a file. */
export async function buildModelWorker(root = ROOT): Promise<void> {
  const result = await build({
    absWorkingDir: root,
    entryPoints: [ENTRY],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    conditions: ["react-server"],
    tsconfig: join(root, "tsconfig.json"),
    outfile: join(root, OUT),
    metafile: true,
    write: false,
    logLevel: "warning",
  });
  mkdirSync(join(root, "dist"), { recursive: true });
  const written = (path: string, data: string | Uint8Array) => {
    const temporary = `${join(root, path)}.${process.pid}.tmp`;
    writeFileSync(temporary, data);
    renameSync(temporary, join(root, path));
  };
  written(OUT, result.outputFiles[0]?.contents ?? "");
  written(META, JSON.stringify(result.metafile));
}

export async function buildModelWorkerIfNeeded(root = ROOT): Promise<void> {
  if (workerIsStale(root)) await buildModelWorker(root);
}

/** vitest globalSetup: the host tests run the real worker. */
export default async function setup(): Promise<void> {
  await buildModelWorkerIfNeeded();
}

// `--if-needed` (npm run dev): only when stale.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  if (process.argv.includes("--if-needed") && !workerIsStale()) console.log(`build: ${OUT} is up to date`);
  else {
    await buildModelWorker();
    console.log(`build: ${OUT}`);
  }
}
