// First-load JS per route from the build output: Next writes each route's first-load chunks to
// .next/diagnostics/route-bundle-stats.json at `next build`; each chunk is gzipped here (level 9 is not what a CDN
// sends, the default level is) and summed — what a browser with an empty cache downloads before the page runs.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { z } from "zod";
import type { Row } from "./figures";

const statsSchema = z.array(z.object({ route: z.string(), firstLoadUncompressedJsBytes: z.number(), firstLoadChunkPaths: z.array(z.string()) }));

export type RouteJs = { route: string; gzipBytes: number; rawBytes: number; chunks: number };

export function firstLoadJs(root: string): RouteJs[] {
  const file = join(root, ".next", "diagnostics", "route-bundle-stats.json");
  if (!existsSync(file)) throw new Error(`${file} missing: run \`npm run build\` first`);
  const stats = statsSchema.parse(JSON.parse(readFileSync(file, "utf8")));
  // Chunks are shared between routes: gzip each file once.
  const gz = new Map<string, number>();
  const gzipOf = (path: string) => {
    const known = gz.get(path);
    if (known !== undefined) return known;
    const size = gzipSync(readFileSync(join(root, path))).length;
    gz.set(path, size);
    return size;
  };
  return stats
    .map((s) => ({ route: s.route, rawBytes: s.firstLoadUncompressedJsBytes, chunks: s.firstLoadChunkPaths.length, gzipBytes: s.firstLoadChunkPaths.reduce((sum, p) => sum + gzipOf(p), 0) }))
    .sort((a, b) => a.route.localeCompare(b.route));
}

export function firstLoadRows(routes: readonly RouteJs[]): Row[] {
  return routes.map((r) => ({ figure: `first-load JS ${r.route} (gzip)`, value: `${(r.gzipBytes / 1024).toFixed(1)} KiB`, note: `(${(r.rawBytes / 1024).toFixed(0)} KiB raw, ${r.chunks} chunks)` }));
}
