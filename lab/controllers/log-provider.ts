// Container logs for `kubectl logs`: plausible lines derived from the pod (an Envoy start-up for istio-proxy
// containers, an HTTP app's start-up otherwise), stamped from the container's start time. Undefined (→ 404) for
// pods that do not exist; a container the pod lacks also yields undefined.
import type { LogProvider } from "../apiserver/index";
import type { ClusterStore, KubeObject } from "../apiserver/types";
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

function envoyLines(t: (ms: number) => string, pod: KubeObject): string[] {
  return [
    `${t(0)}\tinfo\tFLAG: --domain="${pod.metadata.namespace ?? ""}.svc.cluster.local"`,
    `${t(12)}\tinfo\tVersion 1.22.3-tetrate1`,
    `${t(40)}\tinfo\tProxy role\tips=[${String(asRecord(pod.status)?.podIP ?? "")}] type=router id=${pod.metadata.name ?? ""}.${pod.metadata.namespace ?? ""}`,
    `${t(180)}\tinfo\tsds\tSDS server for workload certificates started, listening on "var/run/secrets/workload-spiffe-uds/socket"`,
    `${t(420)}\tinfo\txdsproxy\tconnected to upstream XDS server: istiod.istio-system.svc:15012`,
    `${t(910)}\tinfo\tcache\tgenerated new workload certificate\tlatency=118ms ttl=23h59m59s`,
    `${t(1300)}\tinfo\tEnvoy proxy is ready`,
  ];
}

function appLines(t: (ms: number) => string, pod: KubeObject, c: ContainerInfo): string[] {
  const port = c.port ?? 8080;
  return [
    `${t(0)} INFO starting ${c.name} (${c.image})`,
    `${t(35)} INFO pod ${pod.metadata.namespace ?? ""}/${pod.metadata.name ?? ""} listening on 0.0.0.0:${port}`,
    `${t(1200)} INFO GET /health 200 0.4ms`,
    `${t(11200)} INFO GET /health 200 0.3ms`,
  ];
}

export function createLogProvider(store: ClusterStore): LogProvider {
  const podType = store.types.byKind("", "Pod");
  return (namespace, name, container) => {
    const pod = podType ? store.get(podType, namespace, name) : undefined;
    if (!pod) return undefined;
    const list = containers(pod);
    const c = container ? list.find((x) => x.name === container) : list[0];
    if (!c) return undefined;
    const start = startedAt(pod, c.name);
    if (!start || c.silent) return "";
    const t = (ms: number): string => new Date(start.getTime() + ms).toISOString();
    const lines = c.name === "istio-proxy" ? envoyLines(t, pod) : appLines(t, pod, c);
    return `${lines.join("\n")}\n`;
  };
}
