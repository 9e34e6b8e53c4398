// The Istio objects page's filters as URL search params (shareable, kept on reload), read the same way by the
// server component that prefetches the first page and by the browser, so both ask for the same list. A value
// that is not valid (an unknown kind, a page of "abc") is dropped, never an error: a hand-edited URL still shows
// the table. Param names are short and readable: ?cluster=west&kind=ServiceEntry&generated=console&q=details.
import { MAX_NAME_LENGTH } from "@/lib/validation/limits";
import { DEFAULT_PAGE_SIZE, ISTIO_OBJECT_KINDS, MAX_OFFSET, OBJECT_SORTS, type IstioObjectKind, type ObjectListInput, type ObjectSort } from "@/server/objects/types";

export type ObjectFilters = {
  cluster?: string;
  namespace?: string;
  kind?: IstioObjectKind;
  generated?: "console" | "other";
  search?: string;
  sort: ObjectSort;
  dir: "asc" | "desc";
  /** 1-based. */
  page: number;
};

export const NO_FILTERS: ObjectFilters = { sort: "cluster", dir: "asc", page: 1 };

/** Search params as Next hands them to a page, or the browser's. */
export type ParamSource = URLSearchParams | Record<string, string | string[] | undefined>;

function read(params: ParamSource, key: string): string | undefined {
  const value = params instanceof URLSearchParams ? params.get(key) : params[key];
  const one = Array.isArray(value) ? value[0] : value;
  return one === undefined || one === null || one === "" || one.length > MAX_NAME_LENGTH ? undefined : one;
}

const oneOf = <T extends string>(values: readonly T[], value: string | undefined): T | undefined => values.find((v) => v === value);

const MAX_PAGE = Math.floor(MAX_OFFSET / DEFAULT_PAGE_SIZE) + 1;

export function filtersFromParams(params: ParamSource): ObjectFilters {
  const page = Number(read(params, "page") ?? "1");
  const cluster = read(params, "cluster");
  const namespace = read(params, "ns");
  const kind = oneOf(ISTIO_OBJECT_KINDS, read(params, "kind"));
  const generated = oneOf(["console", "other"] as const, read(params, "generated"));
  const search = read(params, "q")?.trim();
  return {
    ...(cluster ? { cluster } : {}),
    ...(namespace ? { namespace } : {}),
    ...(kind ? { kind } : {}),
    ...(generated ? { generated } : {}),
    ...(search ? { search } : {}),
    sort: oneOf(OBJECT_SORTS, read(params, "sort")) ?? "cluster",
    dir: read(params, "dir") === "desc" ? "desc" : "asc",
    page: Number.isInteger(page) && page >= 1 && page <= MAX_PAGE ? page : 1,
  };
}

/** The URL's search params for `f` (defaults left out, so an unfiltered list is plain /istio). */
export function paramsOf(f: ObjectFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (f.cluster) params.set("cluster", f.cluster);
  if (f.namespace) params.set("ns", f.namespace);
  if (f.kind) params.set("kind", f.kind);
  if (f.generated) params.set("generated", f.generated);
  if (f.search) params.set("q", f.search);
  if (f.sort !== "cluster") params.set("sort", f.sort);
  if (f.dir !== "asc") params.set("dir", f.dir);
  if (f.page !== 1) params.set("page", String(f.page));
  return params;
}

/** `/istio` or `/istio?…`: where the list with these filters lives. */
export function listHref(f: ObjectFilters): string {
  const query = paramsOf(f).toString();
  return query ? `/istio?${query}` : "/istio";
}

/** The objects.list input of `f`. */
export function listInputOf(f: ObjectFilters): ObjectListInput {
  return {
    ...(f.cluster ? { cluster: f.cluster } : {}),
    ...(f.namespace ? { namespace: f.namespace } : {}),
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.generated ? { generated: f.generated } : {}),
    ...(f.search ? { search: f.search } : {}),
    sort: f.sort,
    dir: f.dir,
    offset: (f.page - 1) * DEFAULT_PAGE_SIZE,
    limit: DEFAULT_PAGE_SIZE,
  };
}

/** Any filter narrowing the list (sort and page are not filters). */
export function isFiltered(f: ObjectFilters): boolean {
  return Boolean(f.cluster ?? f.namespace ?? f.kind ?? f.generated ?? f.search);
}

/** The detail page of one object, carrying the list's filters so "back" returns to the same list. */
export function detailHref(ref: { cluster: string; kind: string; namespace: string; name: string }, f: ObjectFilters): string {
  const path = [ref.cluster, ref.kind, ref.namespace, ref.name].map(encodeURIComponent).join("/");
  const query = paramsOf(f).toString();
  return `/istio/${path}${query ? `?${query}` : ""}`;
}
