// The probe Pod of a drill: the curl Pod of docs/real-cluster-probe.md, sending one request through the mesh every
// PROBE_INTERVAL_MS to the drilled Service and printing one JSON line per request (parsed by probe-lines.ts). On
// the lab, the data plane runs any Pod annotated eastwest.dev/probe-url itself and writes the same lines.
// - It gets a sidecar (sidecar.istio.io/inject), so its requests take the mesh's routes, failover included, and
//   curl starts only once the proxy is ready (holdApplicationUntilProxyStarts), so the first lines are not
//   start-up failures.
// - It dies by itself: restartPolicy Never and activeDeadlineSeconds bounded by the drill's maxDuration plus the
//   restore window, and it is owned by the drill (ownerReference), so deleting the drill deletes it, even if the
//   console never comes back.
import { serviceFqdn } from "@/lib/names/fqdn";
import { PROBE_INTERVAL_MS, RESTORE_WAIT_MS } from "./drill-timing";
import { DRILL_API_VERSION, DRILL_KIND, type FailoverDrill } from "./schema";

export const PROBE_URL_ANNOTATION = "eastwest.dev/probe-url";
export const PROBE_INTERVAL_ANNOTATION = "eastwest.dev/probe-interval-ms";
export const DRILL_LABEL = "eastwest.dev/drill";
export const DRILL_UID_LABEL = "eastwest.dev/drill-uid";
export const MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
export const MANAGED_BY_VALUE = "eastwest-console";
export const PROBE_CONTAINER = "probe";
export const PROBE_IMAGE = "curlimages/curl:8.11.0";

/** The script of docs/real-cluster-probe.md, line for line (probe-pod.test.ts checks they agree). */
export const PROBE_SCRIPT = [
  "# PID 1 ignores SIGTERM unless it traps it: stop at once when the pod is deleted.",
  "trap 'exit 0' TERM INT",
  "body=/tmp/probe-body",
  "pause=$(awk -v ms=\"${PROBE_INTERVAL_MS:-500}\" 'BEGIN { if (ms + 0 < 50) ms = 50; printf \"%.3f\", ms / 1000 }')",
  "while :; do",
  "  ts=$(date -u +%Y-%m-%dT%H:%M:%SZ)",
  "  : > \"$body\"",
  "  out=$(curl -s -o \"$body\" --max-time 5 \\",
  "    -w '%{http_code}\\t%{time_total}\\t%header{x-served-by-cluster}\\t%header{x-served-by-pod}\\t%{errormsg}' \\",
  "    \"$PROBE_URL\")",
  "  printf '%s\\t%s\\n' \"$ts\" \"$out\" | awk -F '\\t' -v body=\"$body\" '",
  "    # JSON string (or null); escaped char by char, as awks differ on backslashes in gsub replacements.",
  "    function str(s,  out, i, c) {",
  "      if (s == \"\") return \"null\"",
  "      for (i = 1; i <= length(s); i++) {",
  "        c = substr(s, i, 1)",
  "        if (c == \"\\\\\" || c == \"\\\"\") out = out \"\\\\\" c",
  "        else if (c == \"\\t\" || c == \"\\r\") out = out \" \"",
  "        else out = out c",
  "      }",
  "      return \"\\\"\" out \"\\\"\"",
  "    }",
  "    {",
  "      status = $2 + 0; err = $6",
  "      if (err == \"\" && status >= 400 && (getline line < body) > 0) err = substr(line, 1, 200)",
  "      printf \"{\\\"ts\\\":\\\"%s\\\",\\\"status\\\":%d,\\\"latencyMs\\\":%.1f,\\\"servedByCluster\\\":%s,\\\"servedByPod\\\":%s,\\\"error\\\":%s}\\n\", $1, status, $3 * 1000, str($4), str($5), str(err)",
  "    }'",
  "  sleep \"$pause\" & wait $!",
  "done",
].join("\n");

/** A DNS label, so the name is also the pod's hostname and a valid `app` label value. */
const MAX_NAME = 63;

/** The probe Pod's name for a drill: `<drill>-probe`, the drill's name cut when it is long. */
export function probePodName(drillName: string): string {
  const suffix = "-probe";
  return `${drillName.slice(0, MAX_NAME - suffix.length).replace(/[-.]+$/, "")}${suffix}`;
}

/** A label value: at most 63 characters, alphanumeric at both ends; undefined when the text cannot be one. */
function labelValue(text: string): string | undefined {
  return text.length <= 63 && /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/.test(text) ? text : undefined;
}

export type ProbePodInput = {
  drill: FailoverDrill;
  /** The Service's port to probe (its first, or its http port). */
  port: number;
  /** The path requested; "/" when the service has no better one. */
  path?: string;
  maxDurationSeconds: number;
};

export type ProbePod = {
  apiVersion: "v1";
  kind: "Pod";
  metadata: {
    name: string;
    namespace: string;
    labels: Record<string, string>;
    annotations: Record<string, string>;
    ownerReferences?: { apiVersion: string; kind: string; name: string; uid: string; controller: boolean; blockOwnerDeletion: boolean }[];
  };
  spec: Record<string, unknown>;
};

export function probeUrl(drill: FailoverDrill, port: number, path = "/"): string {
  const slash = path.startsWith("/") ? path : `/${path}`;
  return `http://${serviceFqdn({ namespace: drill.metadata.namespace, name: drill.spec.service })}:${port}${slash}`;
}

export function probePod(input: ProbePodInput): ProbePod {
  const { drill } = input;
  const name = probePodName(drill.metadata.name);
  const drillLabel = labelValue(drill.metadata.name);
  const uid = drill.metadata.uid;
  const labels: Record<string, string> = {
    app: labelValue(name) ?? "eastwest-drill-probe",
    [MANAGED_BY_LABEL]: MANAGED_BY_VALUE,
    "sidecar.istio.io/inject": "true",
    ...(drillLabel ? { [DRILL_LABEL]: drillLabel } : {}),
    ...(uid && labelValue(uid) ? { [DRILL_UID_LABEL]: uid } : {}),
  };
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name,
      namespace: drill.metadata.namespace,
      labels,
      annotations: {
        [PROBE_URL_ANNOTATION]: probeUrl(drill, input.port, input.path),
        [PROBE_INTERVAL_ANNOTATION]: String(PROBE_INTERVAL_MS),
        "proxy.istio.io/config": '{ "holdApplicationUntilProxyStarts": true }',
        [DRILL_LABEL]: drill.metadata.name,
      },
      ...(uid ? { ownerReferences: [{ apiVersion: DRILL_API_VERSION, kind: DRILL_KIND, name: drill.metadata.name, uid, controller: true, blockOwnerDeletion: false }] } : {}),
    },
    spec: {
      restartPolicy: "Never",
      // The drill's own bound plus the restore window: the probe outlives the fault, never the drill.
      activeDeadlineSeconds: Math.ceil(input.maxDurationSeconds) + RESTORE_WAIT_MS / 1000,
      terminationGracePeriodSeconds: 5,
      containers: [
        {
          name: PROBE_CONTAINER,
          image: PROBE_IMAGE,
          env: [
            { name: "PROBE_URL", valueFrom: { fieldRef: { fieldPath: `metadata.annotations['${PROBE_URL_ANNOTATION}']` } } },
            { name: "PROBE_INTERVAL_MS", valueFrom: { fieldRef: { fieldPath: `metadata.annotations['${PROBE_INTERVAL_ANNOTATION}']` } } },
          ],
          command: ["/bin/sh", "-c"],
          args: [PROBE_SCRIPT],
          resources: { requests: { cpu: "10m", memory: "16Mi" }, limits: { memory: "64Mi" } },
          securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] }, runAsNonRoot: true, runAsUser: 65532, seccompProfile: { type: "RuntimeDefault" } },
        },
      ],
    },
  };
}
