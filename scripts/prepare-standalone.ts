// After `next build` (output: "standalone") and the planner worker's bundle: completes .next/standalone into the
// directory the container image runs (`node server.js` inside it). Next leaves out the browser assets
// (.next/static) and public/; the planner worker (dist/planner-worker.mjs) is found from the working directory,
// which server.js sets to its own. Run by `npm run build` and by build-if-needed.ts (demo, e2e), so the consoles
// the e2e tests start are the image's server, started as the image starts it.
import { cpSync, existsSync, rmSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const COPIES: ReadonlyArray<[from: string, required: boolean]> = [
  [".next/static", true],
  ["dist/planner-worker.mjs", true],
  ["public", false],
];

export function prepareStandalone(root: string): string {
  const out = path.join(root, ".next", "standalone");
  if (!existsSync(path.join(out, "server.js"))) throw new Error(`${out}/server.js is missing: run next build with output "standalone" first`);
  for (const [from, required] of COPIES) {
    const source = path.join(root, from);
    const target = path.join(out, from);
    // A file removed since the last build must not linger in the image.
    rmSync(target, { recursive: true, force: true });
    if (!existsSync(source)) {
      if (required) throw new Error(`${from} is missing: the standalone server would run without it`);
      continue;
    }
    cpSync(source, target, { recursive: true });
  }
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const out = prepareStandalone(process.cwd());
  console.log(`standalone server ready in ${path.relative(process.cwd(), out)} (node server.js)`);
}
