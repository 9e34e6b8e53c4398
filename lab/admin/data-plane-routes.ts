// The admin routes of the lab's data plane: requests sent from inside a cluster through its mesh client, and the
// traffic faults a pod or an east-west gateway can be given. Faults live here and in the CLI, not in the Kubernetes
// API: a console must see their consequences (errors, failover), not the faults themselves. The one exception is
// the drill's own FailRequests fault, which a console injects on purpose by annotating a pod
// (lab/dataplane/pod-annotation-fault.ts); a fault set here wins over it.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { GatewayTrafficFault, PodTrafficFault, RequestResult } from "../dataplane/types";
import { parseGatewayFault, parsePodTrafficFault, parseRequestBody, type Parsed } from "./data-plane-bodies";
import { readBodyOr413, send } from "./http";

/** What the admin server needs of the data plane (lab/dataplane/index.ts's DataPlane has it). */
export interface AdminDataPlane {
  request(cluster: string, request: { url: string; namespace: string; count: number; workload?: string }): Promise<RequestResult[]>;
  /** False when the cluster has no such pod. */
  setPodFault(cluster: string, namespace: string, pod: string, fault: PodTrafficFault): boolean;
  /** False when the cluster has no such gateway. */
  setGatewayFault(cluster: string, namespace: string, gateway: string, fault: GatewayTrafficFault): boolean;
}

type Route = { kind: "request"; cluster: string } | { kind: "pod" | "gateway"; cluster: string; namespace: string; name: string };

const ROUTES: Array<[RegExp, Route["kind"]]> = [
  [/^\/clusters\/([^/]+)\/request$/, "request"],
  [/^\/clusters\/([^/]+)\/pods\/([^/]+)\/([^/]+)\/traffic-fault$/, "pod"],
  [/^\/clusters\/([^/]+)\/gateways\/([^/]+)\/([^/]+)\/fault$/, "gateway"],
];

/** The data plane route of `path`, or undefined when it is none of them. */
export function matchDataPlaneRoute(path: string): Route | undefined {
  for (const [pattern, kind] of ROUTES) {
    const m = pattern.exec(path);
    if (!m) continue;
    const [cluster = "", namespace = "", name = ""] = m.slice(1).map((p) => decodeURIComponent(p ?? ""));
    return kind === "request" ? { kind, cluster } : { kind, cluster, namespace, name };
  }
  return undefined;
}

async function parsedBody<T>(req: IncomingMessage, res: ServerResponse, parse: (body: string) => Parsed<T>): Promise<T | undefined> {
  const body = await readBodyOr413(req, res);
  if (body === undefined) return undefined;
  const parsed = parse(body);
  if (parsed.ok) return parsed.value;
  send(res, 400, { error: parsed.message });
  return undefined;
}

/** Answers a matched route; the cluster is known to exist (the server checked). */
export async function handleDataPlaneRoute(dataPlane: AdminDataPlane | undefined, route: Route, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== "POST") return send(res, 405, { error: "use POST" });
  if (!dataPlane) return send(res, 409, { error: "this lab runs without its data plane (started with dataPlane: false)" });
  if (route.kind === "request") {
    const body = await parsedBody(req, res, parseRequestBody);
    if (!body) return;
    return send(res, 200, { results: await dataPlane.request(route.cluster, body) });
  }
  const { cluster, namespace, name } = route;
  if (route.kind === "pod") {
    const fault = await parsedBody(req, res, parsePodTrafficFault);
    if (!fault) return;
    if (!dataPlane.setPodFault(cluster, namespace, name, fault)) return send(res, 404, { error: `pod ${namespace}/${name} not found in cluster "${cluster}"` });
    return send(res, 200, { cluster, namespace, pod: name, fault });
  }
  const fault = await parsedBody(req, res, parseGatewayFault);
  if (!fault) return;
  if (!dataPlane.setGatewayFault(cluster, namespace, name, fault)) return send(res, 404, { error: `gateway ${namespace}/${name} not found in cluster "${cluster}"` });
  send(res, 200, { cluster, namespace, gateway: name, fault });
}
