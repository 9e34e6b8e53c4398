import Link from "next/link";

/** One step of the trail: a link to where it leads, or (the last, the page itself) plain text. */
export type Crumb = { label: string; href?: string };

/**
 * Where the page sits, as links back up (WAI-ARIA breadcrumb pattern: a labelled nav, an ordered list, the current
 * page marked aria-current and not a link). The separators are decoration, hidden from screen readers.
 */
export function Breadcrumbs({ trail }: { trail: readonly Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb" className="mb-3 text-sm">
      <ol className="flex flex-wrap items-center gap-1.5 text-slate-600">
        {trail.map((crumb, i) => {
          const last = i === trail.length - 1;
          return (
            <li key={`${i}-${crumb.label}`} className="flex items-center gap-1.5">
              {i > 0 && (
                <span aria-hidden="true" className="text-slate-400">
                  ›
                </span>
              )}
              {last || !crumb.href ? (
                <span aria-current={last ? "page" : undefined} className={last ? "font-medium text-slate-800" : undefined}>
                  {crumb.label}
                </span>
              ) : (
                <Link
                  href={crumb.href}
                  className="rounded-sm text-indigo-700 underline decoration-indigo-300 underline-offset-2 hover:decoration-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500"
                >
                  {crumb.label}
                </Link>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

/** Overview › Workspaces › <name>: the trail of a workspace's page. */
export const workspaceTrail = (name: string): Crumb[] => [{ label: "Overview", href: "/" }, { label: "Workspaces", href: "/workspaces" }, { label: name }];

/** Overview › Clusters › <name>: the trail of a cluster's page (the overview's table lists the clusters). */
export const clusterTrail = (name: string): Crumb[] => [{ label: "Overview", href: "/" }, { label: "Clusters", href: "/?view=table" }, { label: name }];
