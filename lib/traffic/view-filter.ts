// A traffic view narrowed to some services (a workspace's): pure, so the server and tests share it.
import type { TrafficView } from "./types";

/** Only the rows and flows of `fqdns`; the status and time stay as they were. */
export function filterToServices(view: TrafficView, fqdns: ReadonlySet<string>): TrafficView {
  return {
    ...view,
    servedBy: view.servedBy.filter((row) => fqdns.has(row.fqdn)),
    flows: view.flows.filter((flow) => fqdns.has(flow.fqdn)),
  };
}
