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

/** The figure for `value` ms as the table prints it, and its raw number for the JSON. */
export const round1 = (n: number) => Math.round(n * 10) / 10;
