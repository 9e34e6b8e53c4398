// The topology table's filters, sort and page in the URL's search params, prefixed `t` so they sit beside the
// page's own (view, expand, node): tcluster, tns, tstate, tq (search), tsort, tpage. A link therefore shows what
// its author saw. Reading never throws: a hand-edited value that is not valid is dropped.
import { z } from "zod";
import { topologyRowsInputSchema } from "@/lib/topology/types";
import { MAX_NAME_LENGTH } from "@/lib/validation/limits";

export type TableSort = "health" | "cluster" | "service";
export type TableState = { cluster?: string; namespace?: string; state?: z.infer<typeof topologyRowsInputSchema>["state"]; search?: string; sort: TableSort; page: number };

export const TABLE_PARAMS = { cluster: "tcluster", namespace: "tns", state: "tstate", search: "tq", sort: "tsort", page: "tpage" } as const;

const text = z.string().min(1).max(MAX_NAME_LENGTH);
const shape = topologyRowsInputSchema.shape;

function valid<T>(schema: z.ZodType<T>, value: string | null): T | undefined {
  if (value === null) return undefined;
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

export function readTableState(params: URLSearchParams): TableState {
  const cluster = valid(text, params.get(TABLE_PARAMS.cluster));
  const namespace = valid(text, params.get(TABLE_PARAMS.namespace));
  const state = valid(shape.state.unwrap(), params.get(TABLE_PARAMS.state));
  const search = valid(text, params.get(TABLE_PARAMS.search));
  const page = Number.parseInt(params.get(TABLE_PARAMS.page) ?? "", 10);
  return {
    ...(cluster ? { cluster } : {}),
    ...(namespace ? { namespace } : {}),
    ...(state ? { state } : {}),
    ...(search ? { search } : {}),
    sort: valid(z.enum(["health", "cluster", "service"]), params.get(TABLE_PARAMS.sort)) ?? "health",
    page: Number.isSafeInteger(page) && page > 1 && page <= 100_000 ? page : 1,
  };
}

/** The params with the table's state written in (defaults left out); every other param kept. */
export function writeTableState(params: URLSearchParams, state: TableState): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of Object.values(TABLE_PARAMS)) next.delete(key);
  if (state.cluster) next.set(TABLE_PARAMS.cluster, state.cluster);
  if (state.namespace) next.set(TABLE_PARAMS.namespace, state.namespace);
  if (state.state) next.set(TABLE_PARAMS.state, state.state);
  if (state.search) next.set(TABLE_PARAMS.search, state.search);
  if (state.sort !== "health") next.set(TABLE_PARAMS.sort, state.sort);
  if (state.page > 1) next.set(TABLE_PARAMS.page, String(state.page));
  return next;
}

/** A filter changed: back to the first page (the old page may not exist under the new filter). */
export function withFilter(state: TableState, change: Partial<Omit<TableState, "page">>): TableState {
  const next: TableState = { ...state, ...change, page: 1 };
  for (const key of ["cluster", "namespace", "state", "search"] as const) if (next[key] === undefined || next[key] === "") delete next[key];
  return next;
}
