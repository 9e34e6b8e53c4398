// The drill's probe Pod: the documented curl Pod (docs/real-cluster-probe.md) sending a request to the drilled
// Service every PROBE_INTERVAL_MS from inside its namespace (so through the sidecar, as the service's callers do)
// and printing one JSON line per request. The lab runs the same Pod from its annotations alone.
import type { FailoverDrill } from "@/lib/drills/schema";
import { serviceFqdn } from "@/lib/names/fqdn";
import type { ProbePodManifest } from "@/server/kube/drill-probe";

export const PROBE_CONTAINER = "probe";
export const PROBE_INTERVAL_MS = 250;
export const DRILL_LABEL = "eastwest.dev/drill";
const PROBE_IMAGE = "curlimages/curl:8.11.0";

/** The probe Pod's name for a drill: the one the status records, else `<drill>-probe` (a DNS label: ≤ 63). */
export function probePodName(drill: FailoverDrill): string {
  return drill.status?.undo?.probePod ?? `${drill.metadata.name.slice(0, 57).replace(/-+$/, "")}-probe`;
}

// The docs' script: JSON line per request, TERM handled at once, interval from the annotation.
const SCRIPT = String.raw`trap 'exit 0' TERM INT
body=/tmp/probe-body
pause=$(awk -v ms="${"${PROBE_INTERVAL_MS:-500}"}" 'BEGIN { if (ms + 0 < 50) ms = 50; printf "%.3f", ms / 1000 }')
while :; do
  ts=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  : > "$body"
  out=$(curl -s -o "$body" --max-time 5 -w '%{http_code}\t%{time_total}\t%header{x-served-by-cluster}\t%header{x-served-by-pod}\t%{errormsg}' "$PROBE_URL")
  printf '%s\t%s\n' "$ts" "$out" | awk -F '\t' -v body="$body" '
    function str(s,  out, i, c) {
      if (s == "") return "null"
      for (i = 1; i <= length(s); i++) { c = substr(s, i, 1); if (c == "\\" || c == "\"") out = out "\\" c; else if (c == "\t" || c == "\r") out = out " "; else out = out c }
      return "\"" out "\""
    }
    { status = $2 + 0; err = $6
      if (err == "" && status >= 400 && (getline line < body) > 0) err = substr(line, 1, 200)
      printf "{\"ts\":\"%s\",\"status\":%d,\"latencyMs\":%.1f,\"servedByCluster\":%s,\"servedByPod\":%s,\"error\":%s}\n", $1, status, $3 * 1000, str($4), str($5), str(err) }'
  sleep "$pause" & wait $!
done`;

export function probeUrl(namespace: string, service: string, port: number | undefined): string {
  return `http://${serviceFqdn({ namespace, name: service })}${port === undefined ? "" : `:${port}`}/`;
}

export function probePodManifest(drill: FailoverDrill, name: string, port: number | undefined): ProbePodManifest {
  const { namespace } = drill.metadata;
  const env = (variable: string, annotation: string) => ({ name: variable, valueFrom: { fieldRef: { fieldPath: `metadata.annotations['${annotation}']` } } });
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name,
      namespace,
      labels: { app: name, [DRILL_LABEL]: drill.metadata.name, "app.kubernetes.io/managed-by": "eastwest-console" },
      annotations: {
        "eastwest.dev/probe-url": probeUrl(namespace, drill.spec.service, port),
        "eastwest.dev/probe-interval-ms": String(PROBE_INTERVAL_MS),
        // With a sidecar: curl starts once the proxy is ready, so the first lines are not start-up failures.
        "proxy.istio.io/config": '{ "holdApplicationUntilProxyStarts": true }',
      },
    },
    spec: {
      terminationGracePeriodSeconds: 5,
      restartPolicy: "Always",
      containers: [
        {
          name: PROBE_CONTAINER,
          image: PROBE_IMAGE,
          env: [env("PROBE_URL", "eastwest.dev/probe-url"), env("PROBE_INTERVAL_MS", "eastwest.dev/probe-interval-ms")],
          command: ["/bin/sh", "-c"],
          args: [SCRIPT],
        },
      ],
    },
  };
}
