// First-load JS per route from a build's route-bundle-stats.json: each route sums the gzip of its own chunks
// (a chunk shared by two routes counts in both), routes come back sorted, and a missing build says what to run.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { firstLoadJs, firstLoadRows } from "./first-load-js";

function build(files: Record<string, string>, stats: unknown): string {
  const root = mkdtempSync(join(tmpdir(), "first-load-js-"));
  mkdirSync(join(root, ".next", "diagnostics"), { recursive: true });
  mkdirSync(join(root, ".next", "static", "chunks"), { recursive: true });
  for (const [path, text] of Object.entries(files)) writeFileSync(join(root, path), text);
  writeFileSync(join(root, ".next", "diagnostics", "route-bundle-stats.json"), JSON.stringify(stats));
  return root;
}

const shared = "console.log('shared');".repeat(50);
const topo = "export const graph = [1,2,3];".repeat(200);
const gz = (s: string) => gzipSync(s).length;

describe("firstLoadJs", () => {
  const root = build(
    { ".next/static/chunks/a.js": shared, ".next/static/chunks/b.js": topo },
    [
      { route: "/topology", firstLoadUncompressedJsBytes: shared.length + topo.length, firstLoadChunkPaths: [".next/static/chunks/a.js", ".next/static/chunks/b.js"] },
      { route: "/", firstLoadUncompressedJsBytes: shared.length, firstLoadChunkPaths: [".next/static/chunks/a.js"] },
    ],
  );

  it.each([
    ["/", gz(shared), 1],
    ["/topology", gz(shared) + gz(topo), 2],
  ])("%s: gzip of its chunks", (route, bytes, chunks) => {
    expect(firstLoadJs(root).find((r) => r.route === route)).toMatchObject({ gzipBytes: bytes, chunks });
  });

  it("sorts routes and prints one row each", () => {
    const routes = firstLoadJs(root);
    expect(routes.map((r) => r.route)).toEqual(["/", "/topology"]);
    expect(firstLoadRows(routes).map((r) => r.figure)).toEqual(["first-load JS / (gzip)", "first-load JS /topology (gzip)"]);
  });

  it("without a build: names the command to run", () => {
    expect(() => firstLoadJs(mkdtempSync(join(tmpdir(), "no-build-")))).toThrow(/npm run build/);
  });

  it("refuses a stats file of another shape", () => {
    expect(() => firstLoadJs(build({}, [{ route: "/", chunks: 3 }]))).toThrow();
  });
});
