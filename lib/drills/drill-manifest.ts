// A FailoverDrill object from what the console's form asks (a DrillInput of server/drills/types.ts): what the
// button creates, and what `kubectl apply` of the same YAML would create. Its name carries the service and the
// UTC time it was asked for, so drills sort by time and `kubectl get fd` reads as a history.
import { MANAGED_BY_LABEL, MANAGED_BY_VALUE } from "./probe-pod";
import { DRILL_API_VERSION, DRILL_KIND, failoverDrillSchema, type DrillFault, type FailoverDrill, type StopCondition } from "./schema";

export const SERVICE_LABEL = "eastwest.dev/service";

/** The fields of a DrillInput the object needs (the cluster is where it is written, not part of it). */
export type DrillManifestInput = {
  namespace: string;
  service: string;
  fault: DrillFault;
  maxDuration: string;
  stopCondition?: StopCondition;
};

const two = (n: number) => String(n).padStart(2, "0");

/**
 * `<service>-<yyyyMMdd-HHmmss>` in UTC, from the given time (epoch ms), then `-<suffix>` when given (the console adds
 * a few random characters against two clicks in one second). The service is cut to 40 characters so the name stays
 * within 63 with its time and suffix.
 */
export function drillName(service: string, at: number, suffix?: string): string {
  const d = new Date(at);
  const date = `${d.getUTCFullYear()}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}`;
  const time = `${two(d.getUTCHours())}${two(d.getUTCMinutes())}${two(d.getUTCSeconds())}`;
  return `${service.slice(0, 40)}-${date}-${time}${suffix ? `-${suffix}` : ""}`;
}

export type DrillManifestResult = { ok: true; drill: FailoverDrill } | { ok: false; message: string };

/** The drill object, parsed by the same schema that reads drills from clusters (its defaults filled in). */
export function drillManifest(input: DrillManifestInput, at: number): DrillManifestResult {
  const parsed = failoverDrillSchema.safeParse({
    apiVersion: DRILL_API_VERSION,
    kind: DRILL_KIND,
    metadata: {
      name: drillName(input.service, at),
      namespace: input.namespace,
      labels: { [MANAGED_BY_LABEL]: MANAGED_BY_VALUE, [SERVICE_LABEL]: input.service },
    },
    spec: {
      service: input.service,
      fault: input.fault,
      maxDuration: input.maxDuration,
      ...(input.stopCondition ? { stopCondition: input.stopCondition } : {}),
    },
  });
  if (parsed.success) return { ok: true, drill: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, message: `not a valid drill: ${issue ? `${issue.path.join(".")}: ${issue.message}` : "invalid"}` };
}
