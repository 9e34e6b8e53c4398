// Container logs for `kubectl logs`. A probe pod's probing container (see lab/dataplane/probe-pods.ts) has the real
// lines its probe wrote, followable while it runs. Every other container gets plausible lines derived from the pod
// (an Envoy start-up for istio-proxy containers, an HTTP app's start-up otherwise), stamped from the container's
// start time. Undefined (→ 404) for pods that do not exist; a container the pod lacks also yields undefined.
import type { ContainerLog, LogEntry, LogProvider } from "../apiserver/context";
import type { ClusterStore, KubeObject, ResourceType } from "../apiserver/types";
import { probeLogsOf, type ProbeLogStore } from "../dataplane/probe-log";
import { probeSpec } from "../dataplane/probe-spec";
import { asArray, asRecord } from "./object-util";

interface ContainerInfo {
  name: string;
  image: string;
  port?: number;
  /** A container whose command is `sleep …` (the sleep client) writes nothing. */
  silent: boolean;
}

function containers(pod: KubeObject): ContainerInfo[] {
  return asArray(asRecord(pod.spec)?.containers).map((raw) => {
    const c = asRecord(raw) ?? {};
    const port = asRecord(asArray(c.ports)[0])?.containerPort;
    const silent = /(^|\/)sleep$/.test(String(asArray(c.command)[0] ?? ""));
    return { name: String(c.name ?? ""), image: String(c.image ?? ""), silent, ...(typeof port === "number" ? { port } : {}) };
  });
}

function startedAt(pod: KubeObject, container: string): Date | undefined {
  const statuses = asArray(asRecord(pod.status)?.containerStatuses).map((s) => asRecord(s) ?? {});
  const running = asRecord(asRecord(statuses.find((s) => s.name === container)?.state)?.running);
  return typeof running?.startedAt === "string" ? new Date(running.startedAt) : undefined;
}

type Stamp = (ms: number) => Date;

function envoyLines(t: Stamp, pod: KubeObject): LogEntry[] {
  const lines: Array<[number, string]> = [
    [0, `info\tFLAG: --domain="${pod.metadata.namespace ?? ""}.svc.cluster.local"`],
    [12, "info\tVersion 1.22.3-tetrate1"],
    [40, `info\tProxy role\tips=[${String(asRecord(pod.status)?.podIP ?? "")}] type=router id=${pod.metadata.name ?? ""}.${pod.metadata.namespace ?? ""}`],
    [180, 'info\tsds\tSDS server for workload certificates started, listening on "var/run/secrets/workload-spiffe-uds/socket"'],
    [420, "info\txdsproxy\tconnected to upstream XDS server: istiod.istio-system.svc:15012"],
    [910, "info\tcache\tgenerated new workload certificate\tlatency=118ms ttl=23h59m59s"],
    [1300, "info\tEnvoy proxy is ready"],
  ];
  return lines.map(([ms, text]) => ({ time: t(ms), text: `${t(ms).toISOString()}\t${text}` }));
}

function appLines(t: Stamp, pod: KubeObject, c: ContainerInfo): LogEntry[] {
  const port = c.port ?? 8080;
  const lines: Array<[number, string]> = [
    [0, `INFO starting ${c.name} (${c.image})`],
    [35, `INFO pod ${pod.metadata.namespace ?? ""}/${pod.metadata.name ?? ""} listening on 0.0.0.0:${port}`],
    [1200, "INFO GET /health 200 0.4ms"],
    [11200, "INFO GET /health 200 0.3ms"],
  ];
  return lines.map(([ms, text]) => ({ time: t(ms), text: `${t(ms).toISOString()} ${text}` }));
}

/** The container a probe pod's probe writes to: its first one that is not the sidecar. */
function probingContainer(list: ContainerInfo[]): string | undefined {
  return (list.find((c) => c.name !== "istio-proxy") ?? list[0])?.name;
}

function stopped(pod: KubeObject): boolean {
  const phase = asRecord(pod.status)?.phase;
  return pod.metadata.deletionTimestamp !== undefined || phase === "Succeeded" || phase === "Failed";
}

/**
 * `kubectl logs -f` of a running container stays open until the container stops, as the kubelet's does; these
 * containers write nothing more, so the stream only ends when the pod is deleted or finishes.
 */
function untilPodStops(store: ClusterStore, podType: ResourceType, uid: string): NonNullable<ContainerLog["follow"]> {
  return (_onEntry, onEnd) => {
    const unsubscribe = store.watch(podType, undefined, (event) => {
      if (event.object.metadata.uid !== uid || (event.type !== "DELETED" && !stopped(event.object))) return;
      unsubscribe();
      onEnd();
    });
    return unsubscribe;
  };
}

function openLog(store: ClusterStore, probes: ProbeLogStore, namespace: string, name: string, container?: string): ContainerLog | undefined {
  const podType = store.types.byKind("", "Pod");
  const pod = podType && store.get(podType, namespace, name);
  if (!podType || !pod) return undefined;
  const list = containers(pod);
  const c = container ? list.find((x) => x.name === container) : list[0];
  if (!c) return undefined;
  if (probeSpec(pod) && c.name === probingContainer(list)) return probes.open(pod.metadata.uid ?? "") ?? { entries: [] };
  const start = startedAt(pod, c.name);
  if (!start) return { entries: [] };
  const follow = stopped(pod) ? {} : { follow: untilPodStops(store, podType, pod.metadata.uid ?? "") };
  if (c.silent) return { entries: [], ...follow };
  const t: Stamp = (ms) => new Date(start.getTime() + ms);
  return { entries: c.name === "istio-proxy" ? envoyLines(t, pod) : appLines(t, pod, c), ...follow };
}

/** `probes`: where probe pods' lines are (the cluster's own store by default, where probe-pods.ts writes them). */
export function createLogProvider(store: ClusterStore, probes: ProbeLogStore = probeLogsOf(store)): LogProvider {
  const text = (namespace: string, name: string, container?: string): string | undefined =>
    openLog(store, probes, namespace, name, container)?.entries.map((e) => `${e.text}\n`).join("");
  return Object.assign(text, { open: (namespace: string, name: string, container: string) => openLog(store, probes, namespace, name, container) });
}
