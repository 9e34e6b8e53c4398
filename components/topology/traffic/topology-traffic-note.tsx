import { RelativeTime } from "../../relative-time";
import { TrafficNote, type TrafficState } from "../../traffic/traffic-note";

const BOX = "mb-4 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm [&>p]:border-b-0";

/**
 * The one line above the graph (or the table) about traffic. Without figures — no Prometheus configured, Prometheus
 * not answering, the console's own request failed — the traffic view's note says why, once, and the page shows
 * configuration state only; no edge or node repeats it. With figures, what an edge's label means and where it comes
 * from. Nothing while the first answer is awaited.
 */
export function TopologyTrafficNote({ state }: { state: TrafficState }) {
  if (state === undefined) return null;
  if ("error" in state || state.status.state !== "ok") {
    return (
      <div data-traffic="note" className={BOX}>
        <TrafficNote state={state} />
      </div>
    );
  }
  return (
    <p data-traffic="note" className="mb-4 text-xs text-slate-600">
      Edge labels: requests per second and 5xx share over the last minute, and a service&apos;s details say which cluster served it (Prometheus,
      istio_requests_total), read <RelativeTime iso={state.at} suffix=" ago" />.
    </p>
  );
}
