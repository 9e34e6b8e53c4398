// Row printers for Pods, Services and Deployments, following kubectl's internal printers (pkg/printers/internalversion).
import { age } from "./human-duration";
import { isRecord } from "./object-util";
import { column, type BuiltinPrinter, type Cell } from "./table-types";
import type { KubeObject } from "./types";

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec => (isRecord(v) ? v : {});
const recs = (v: unknown): Rec[] => (Array.isArray(v) ? v.filter(isRecord) : []);
const num = (v: unknown): number => (typeof v === "number" ? v : 0);

function podStatus(pod: KubeObject): string {
  const status = rec(pod.status);
  let reason = typeof status.reason === "string" ? status.reason : String(status.phase ?? "Unknown");
  for (const cs of recs(status.containerStatuses)) {
    const state = rec(cs.state);
    const waiting = rec(state.waiting);
    const terminated = rec(state.terminated);
    if (typeof waiting.reason === "string" && waiting.reason !== "") reason = waiting.reason;
    else if (typeof terminated.reason === "string" && terminated.reason !== "") reason = terminated.reason;
  }
  if (pod.metadata.deletionTimestamp) reason = status.reason === "NodeLost" ? "Unknown" : "Terminating";
  return reason;
}

export const podPrinter: BuiltinPrinter = {
  columns: [column("Ready"), column("Status"), column("Restarts"), column("Age"), column("IP", "string", 1), column("Node", "string", 1),
    column("Nominated Node", "string", 1), column("Readiness Gates", "string", 1)],
  cells: (pod) => {
    const status = rec(pod.status);
    const statuses = recs(status.containerStatuses);
    const total = recs(rec(pod.spec).containers).length;
    const ready = statuses.filter((c) => c.ready === true).length;
    const restarts = statuses.reduce((sum, c) => sum + num(c.restartCount), 0);
    const gates = recs(rec(pod.spec).readinessGates);
    return [`${ready}/${total}`, podStatus(pod), String(restarts), age(pod.metadata.creationTimestamp), String(status.podIP ?? "<none>"),
      String(rec(pod.spec).nodeName ?? "<none>"), String(status.nominatedNodeName ?? "<none>"), gates.length ? `0/${gates.length}` : "<none>"];
  },
};

function externalIP(svc: KubeObject): string {
  const spec = rec(svc.spec);
  const external = Array.isArray(spec.externalIPs) ? spec.externalIPs.map(String) : [];
  if (spec.type === "ExternalName") return String(spec.externalName ?? "<none>");
  if (spec.type === "LoadBalancer") {
    const ingress = recs(rec(rec(svc.status).loadBalancer).ingress).map((i) => String(i.ip ?? i.hostname ?? "")).filter(Boolean);
    const all = [...ingress, ...external];
    return all.length ? all.join(",") : "<pending>";
  }
  return external.length ? external.join(",") : "<none>";
}

function ports(svc: KubeObject): string {
  const list = recs(rec(svc.spec).ports).map((p) => {
    const protocol = String(p.protocol ?? "TCP");
    return p.nodePort ? `${p.port}:${p.nodePort}/${protocol}` : `${p.port}/${protocol}`;
  });
  return list.length ? list.join(",") : "<none>";
}

function selector(map: unknown): string {
  const entries = Object.entries(rec(map)).sort(([a], [b]) => a.localeCompare(b));
  return entries.length ? entries.map(([k, v]) => `${k}=${String(v)}`).join(",") : "<none>";
}

export const servicePrinter: BuiltinPrinter = {
  columns: [column("Type"), column("Cluster-IP"), column("External-IP"), column("Port(s)"), column("Age"), column("Selector", "string", 1)],
  cells: (svc) => {
    const spec = rec(svc.spec);
    return [String(spec.type ?? "ClusterIP"), String(spec.clusterIP ?? "<none>"), externalIP(svc), ports(svc), age(svc.metadata.creationTimestamp), selector(spec.selector)];
  },
};

export const deploymentPrinter: BuiltinPrinter = {
  columns: [column("Ready"), column("Up-to-date", "integer"), column("Available", "integer"), column("Age"),
    column("Containers", "string", 1), column("Images", "string", 1), column("Selector", "string", 1)],
  cells: (d) => {
    const spec = rec(d.spec);
    const status = rec(d.status);
    const containers = recs(rec(rec(spec.template).spec).containers);
    const cells: Cell[] = [`${num(status.readyReplicas)}/${num(spec.replicas)}`, num(status.updatedReplicas), num(status.availableReplicas),
      age(d.metadata.creationTimestamp), containers.map((c) => String(c.name)).join(","), containers.map((c) => String(c.image)).join(","),
      selector(rec(spec.selector).matchLabels)];
    return cells;
  },
};

/** kubectl get rs (upstream printReplicaSet): Desired, Current, Ready, Age; wide: Containers, Images, Selector. */
export const replicaSetPrinter: BuiltinPrinter = {
  columns: [column("Desired", "integer"), column("Current", "integer"), column("Ready", "integer"), column("Age"),
    column("Containers", "string", 1), column("Images", "string", 1), column("Selector", "string", 1)],
  cells: (rs) => {
    const spec = rec(rs.spec);
    const status = rec(rs.status);
    const containers = recs(rec(rec(spec.template).spec).containers);
    return [num(spec.replicas), num(status.replicas), num(status.readyReplicas), age(rs.metadata.creationTimestamp),
      containers.map((c) => String(c.name)).join(","), containers.map((c) => String(c.image)).join(","), selector(rec(spec.selector).matchLabels)];
  },
};
