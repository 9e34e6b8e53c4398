// One page of the Istio objects table: the index (object-index.ts, built once per fleet state) in the asked order,
// filtered and cut to the page in one pass that keeps only the page's rows. A cluster the fleet does not have is
// a NOT_FOUND naming the field (a shared URL can outlive a kubeconfig context); a namespace with no objects is
// simply an empty result.
import { quoted, someOf } from "@/lib/validation/bounded-text";
import { notFound } from "@/server/errors";
import type { IndexEntry, ObjectIndex } from "./object-index";
import type { ObjectListQuery, ObjectPage } from "./types";

function matcher(q: ObjectListQuery): (e: IndexEntry) => boolean {
  const search = q.search?.trim().toLowerCase() ?? "";
  const generated = q.generated === undefined ? undefined : q.generated === "console";
  return (e) =>
    (q.cluster === undefined || e.row.cluster === q.cluster) &&
    (q.kind === undefined || e.row.kind === q.kind) &&
    (q.namespace === undefined || e.row.namespace === q.namespace) &&
    (generated === undefined || e.row.generated === generated) &&
    (search === "" || e.text.includes(search));
}

export function queryIndex(index: ObjectIndex, q: ObjectListQuery, revision: number): ObjectPage {
  if (q.cluster !== undefined && !index.clusters.some((c) => c.name === q.cluster)) {
    const known = someOf(index.clusters.map((c) => c.name)) || "none";
    throw notFound("cluster", `No cluster named ${quoted(q.cluster)} in the fleet (known: ${known}).`);
  }
  const matches = matcher(q);
  const rows: IndexEntry["row"][] = [];
  let total = 0;
  // In the default order a cluster's rows are one range: a cluster filter walks only it.
  const range = q.cluster !== undefined && q.sort === "cluster" && q.dir === "asc" ? index.clusterRange(q.cluster) : undefined;
  const list = index.ordered(q.sort, q.dir);
  for (let i = range?.start ?? 0, end = range?.end ?? list.length; i < end; i++) {
    const e = list[i] as IndexEntry;
    if (!matches(e)) continue;
    if (total >= q.offset && rows.length < q.limit) rows.push(e.row);
    total += 1;
  }
  return { rows, total, offset: q.offset, limit: q.limit, all: index.entries.length, clusters: [...index.clusters], namespaces: [...index.namespaces], revision };
}
