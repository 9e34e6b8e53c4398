/**
 * Puts a page's view state (filters, open groups, the chosen view) in the address bar without a server round trip
 * and without a history entry per click, so Back leaves the page instead of stepping through filters.
 *
 * Why not `router.replace`: every page that keeps state in its URL is dynamic, so a router navigation renders the
 * page again on the server (its prefetch included) for state the browser already has, and while that navigation
 * commits Next swaps the page's streamed metadata, so for a moment the document has no <title> (axe saw it). The
 * native `history.replaceState` is one Next's App Router follows: `useSearchParams` updates, nothing is fetched.
 */
export function replaceUrlQuery(pathname: string, query: string): void {
  window.history.replaceState(null, "", query ? `${pathname}?${query}` : pathname);
}
