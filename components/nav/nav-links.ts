/**
 * The console's sections, in the order the main navigation lists them. Only routes that exist are listed: a link
 * to a page that is not built yet would lead to the 404.
 */
export type NavLink = { href: string; label: string; description: string };

export const NAV_LINKS: readonly NavLink[] = [
  { href: "/", label: "Overview", description: "Every cluster of the fleet" },
  { href: "/workspaces", label: "Workspaces", description: "Workspaces of the management cluster" },
  { href: "/topology", label: "Topology", description: "Clusters, gateways and services, and where traffic fails over" },
  { href: "/istio", label: "Istio objects", description: "ServiceEntries, WorkloadEntries, DestinationRules and Gateways per cluster" },
  { href: "/drills", label: "Drills", description: "Failover drills across the fleet: their history and reports" },
];

/** Pages that belong to a section without being under its path: a cluster's page is reached from the overview. */
const SECTION_OF_PREFIX: ReadonlyArray<readonly [prefix: string, section: string]> = [["/clusters/", "/"]];

/**
 * The section a path belongs to: "/" only for itself, any other section for itself and everything under it
 * (`/workspaces/bookinfo-ws` is in Workspaces). Null for a path no section holds (the 404 page).
 */
export function activeSection(pathname: string, links: readonly NavLink[] = NAV_LINKS): string | null {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  for (const [prefix, section] of SECTION_OF_PREFIX) {
    if (path.startsWith(prefix) && links.some((l) => l.href === section)) return section;
  }
  for (const link of links) {
    if (link.href === "/" ? path === "/" : path === link.href || path.startsWith(`${link.href}/`)) return link.href;
  }
  return null;
}
