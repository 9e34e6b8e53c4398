import type { TrafficStatus } from "@/lib/traffic/types";
import { errorSentence } from "@/lib/workspace-view/field-errors";
import { RelativeTime } from "../relative-time";

export const NOT_CONFIGURED_NOTE = "Traffic is not shown: no Prometheus is configured (EASTWEST_PROMETHEUS_URL).";

/** What a page knows of the traffic view: its status and time, or the request's failure, or nothing yet. */
export type TrafficState = { status: TrafficStatus; at: string } | { error: unknown } | undefined;

const NOTE = "border-b border-slate-100 px-4 py-2 text-xs";

/**
 * The one line above a table that shows traffic: where the figures come from when they are there, and otherwise,
 * once, why there are none (no Prometheus configured; Prometheus not answering; the console's own request failed).
 * Never "no traffic" for a Prometheus that cannot be asked.
 */
export function TrafficNote({ state }: { state: TrafficState }) {
  if (state === undefined) return null;
  if ("error" in state) {
    return <p className={`${NOTE} text-amber-800`}>Traffic is not shown: the console could not read it ({errorSentence(state.error)}).</p>;
  }
  switch (state.status.state) {
    case "not-configured":
      return <p className={`${NOTE} text-slate-600`}>{NOT_CONFIGURED_NOTE}</p>;
    case "down":
      return (
        <p role="status" className={`${NOTE} text-amber-800`}>
          <span className="font-semibold">Traffic is not shown: Prometheus does not answer.</span> {state.status.message} The states below come from the
          clusters&apos; configuration only.
        </p>
      );
    case "ok":
      return (
        <p className={`${NOTE} text-slate-600`}>
          “Served by”: which cluster answered each cluster&apos;s requests in the last minute (Prometheus, istio_requests_total), read{" "}
          <RelativeTime iso={state.at} suffix=" ago" />.
        </p>
      );
  }
}
