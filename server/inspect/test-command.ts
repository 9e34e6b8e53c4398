// "Test from another cluster": the kubectl command a person copies to see what a client in another cluster gets.
// The request must leave from a pod with an Istio sidecar — only the sidecar knows the ServiceEntries and shadow
// WorkloadEntries that route a Service's traffic across clusters — so the pod asks for injection by label and holds
// curl until its proxy is ready (holdApplicationUntilProxyStarts); `--rm -i` deletes it once curl exits. A gateway
// is tested one level lower: a TCP connect to the address and port 15443 a remote sidecar dials (mTLS is not
// checked: only a sidecar holds the certificates).
import { FAILOVER_WORDS } from "@/lib/failover/words";
import type { TopologyRow } from "@/lib/topology/types";
import type { TestFrom } from "./types";

/** Quoted for a POSIX shell unless it is made of characters no shell treats specially. */
export function shellQuote(value: string): string {
  return /^[A-Za-z0-9._:@/=-]+$/.test(value) ? value : `'${value.replaceAll("'", `'"'"'`)}'`;
}

const HOLD = `proxy.istio.io/config={"holdApplicationUntilProxyStarts": true}`;

/** A pod name: a DNS label of at most 63 characters. */
const podName = (what: string) => `eastwest-test-${what}`.slice(0, 63).replace(/-+$/, "");

export function curlCommand(context: string, namespace: string, fqdn: string, port: number): string {
  const name = podName(fqdn.split(".")[0] ?? "service");
  return [
    `kubectl --context ${shellQuote(context)} -n ${shellQuote(namespace)} run ${name} --rm -i --restart=Never`,
    `--image=curlimages/curl --labels=sidecar.istio.io/inject=true --annotations=${shellQuote(HOLD)}`,
    `--command -- curl -sS -m 10 -o /dev/null -w ${shellQuote("%{http_code}\\n")} http://${fqdn}:${port}/`,
  ].join(" ");
}

export function connectCommand(context: string, address: string): string {
  return `kubectl --context ${shellQuote(context)} run eastwest-test-gateway --rm -i --restart=Never --image=busybox:1.36 --command -- nc -zv -w 5 ${shellQuote(address)} 15443`;
}

/** What a request for the service from `from` shows, given that cluster's failover state of it. */
export function curlExplains(from: TopologyRow, target: string): string {
  // routesSentence's spelling, over the compact targets the rows carry.
  const routes = from.targets.map((t) => `${t.cluster} through ${t.gateway}`).join(", then ");
  switch (from.state) {
    case "serving-locally":
    case "at-risk":
      return `${from.cluster} runs it too (${FAILOVER_WORDS[from.state]}): its own ready instance answers; ${target} is reached only once ${from.cluster} has none ready.`;
    case "failed-over":
      return `${from.cluster} has no ready instance (${FAILOVER_WORDS["failed-over"]}): the request goes to ${routes || "no cluster"}.`;
    case "remote-only":
      return `${from.cluster} consumes it through a ServiceEntry: the request goes to ${routes || "no working cluster now"}.`;
    case "unavailable":
      return `${from.cluster} reads it as Unavailable: expect the request to fail.`;
    case "unknown":
      return `${from.cluster} cannot be seen now: the result says what the cluster does, which the console cannot.`;
  }
}

/** The port a client dials: the Service's first port (80 when the model knows none). */
export function firstPort(ports: ReadonlyArray<{ port: number }> | undefined): number {
  return ports?.[0]?.port ?? 80;
}

export function serviceTests(fqdn: string, namespace: string, port: number, target: string, from: readonly TopologyRow[]): TestFrom[] {
  return from.map((row) => ({ cluster: row.cluster, command: curlCommand(row.cluster, namespace, fqdn, port), explains: curlExplains(row, target) }));
}
