// Percentiles, the printed table and the JSON record of the benchmarks.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/** Nearest-rank percentile of `values` (p in 0..100); NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

export type Row = { figure: string; value: string; note?: string };

export const ms = (n: number) => (Number.isFinite(n) ? `${n.toFixed(1)} ms` : "n/a");
export const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
export const kib = (bytes: number | undefined) => (bytes === undefined || !Number.isFinite(bytes) ? "n/a" : `${(bytes / 1024).toFixed(0)} KiB`);

export function printTable(title: string, rows: readonly Row[]): void {
  const w1 = Math.max(...rows.map((r) => r.figure.length), 6);
  const w2 = Math.max(...rows.map((r) => r.value.length), 5);
  const line = `+${"-".repeat(w1 + 2)}+${"-".repeat(w2 + 2)}+`;
  console.log(`\n${title}\n${line}`);
  console.log(`| ${"figure".padEnd(w1)} | ${"value".padEnd(w2)} |`);
  console.log(line);
  for (const r of rows) console.log(`| ${r.figure.padEnd(w1)} | ${r.value.padStart(w2)} |${r.note ? ` ${r.note}` : ""}`);
  console.log(line);
}

/** The figures as JSON (for the README's record and for comparing runs), in a new file at `path`. */
export function writeFiguresJson(path: string, figures: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(figures, null, 2)}\n`);
}
