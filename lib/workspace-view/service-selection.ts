// The expose dialog's choice of services, as pure set operations: where a choice starts (what is exposed now),
// which services a search shows, the namespaces to pick from, adding or dropping many at once, and whether the
// choice differs from the live setting at all.
import { namedEntries } from "./exposure-count";
import type { Exposure, WorkspaceService } from "./types";

type Service = Pick<WorkspaceService, "fqdn" | "namespace" | "exposed">;

/** What "Choose services" starts from: every service under "expose all", else the listed entries naming a service. */
export function initialSelection(exposure: Exposure, services: readonly Service[]): Set<string> {
  return new Set(exposure.mode === "all" ? services.map((s) => s.fqdn) : namedEntries(exposure, services));
}

/** Services whose FQDN contains the query (case-insensitive, trimmed); all of them for an empty query. */
export function matching<S extends Pick<WorkspaceService, "fqdn">>(services: readonly S[], query: string): readonly S[] {
  const q = query.trim().toLowerCase();
  return q === "" ? services : services.filter((s) => s.fqdn.toLowerCase().includes(q));
}

/** The namespaces services live in, sorted, with how many services each holds. */
export function namespacesOf(services: readonly Service[]): Array<{ namespace: string; count: number }> {
  const counts = new Map<string, number>();
  for (const s of services) counts.set(s.namespace, (counts.get(s.namespace) ?? 0) + 1);
  return [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([namespace, count]) => ({ namespace, count }));
}

/** `selected` with `fqdns` added (`on`) or removed; a new set, the old one untouched. */
export function withMany(selected: ReadonlySet<string>, fqdns: Iterable<string>, on: boolean): Set<string> {
  const next = new Set(selected);
  for (const f of fqdns) {
    if (on) next.add(f);
    else next.delete(f);
  }
  return next;
}

/** The services of one namespace. */
export function inNamespace(services: readonly Service[], namespace: string): string[] {
  return services.filter((s) => s.namespace === namespace).map((s) => s.fqdn);
}

/**
 * Whether applying `mode`/`selected` would leave the live setting as it is: the same mode and, when chosen, the
 * same set of listed entries (entries naming no service are dropped by a new choice, so their presence is a change).
 */
export function sameAsLive(live: Exposure, mode: Exposure["mode"], selected: ReadonlySet<string>): boolean {
  if (live.mode !== mode) return false;
  if (live.mode === "all") return true;
  const listed = new Set(live.services);
  return listed.size === live.services.length && listed.size === selected.size && [...selected].every((f) => listed.has(f));
}
