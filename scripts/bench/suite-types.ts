// The suite's (scripts/bench.ts) contract with each benchmark: a stage is a function that starts what it needs,
// measures, stops everything it started, and returns its rows (for the one table) and its figures (for the JSON).
import type { Row } from "./figures";

export type StageResult = { rows: Row[]; figures: Record<string, unknown> };

/** Sizes and places every stage shares (flags of `npm run bench`). */
export type SuiteSizes = {
  clusters: number;
  services: number;
  /** Samples of each latency figure (queries: ×10). */
  samples: number;
};

/** "label: value; rest" lines → rows (value up to the first "; ", the rest as the note). */
export function rowOf(line: string, prefix: string): Row {
  const colon = line.indexOf(": ");
  if (colon < 0) return { figure: `${prefix}: ${line}`, value: "" };
  const rest = line.slice(colon + 2);
  const semi = rest.indexOf("; ");
  return { figure: `${prefix}: ${line.slice(0, colon)}`, value: semi < 0 ? rest : rest.slice(0, semi), ...(semi < 0 ? {} : { note: rest.slice(semi + 2) }) };
}
