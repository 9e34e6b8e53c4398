// The cloud-controller-manager's service controller: every LoadBalancer Service gets
// status.loadBalancer.ingress (see load-balancer.ts: IPs, or a DNS name as AWS publishes); a Service that stops
// being a LoadBalancer loses it.
// Cluster IPs and NodePorts are allocated synchronously by the apiserver's registry (lab/apiserver/defaults.ts).
import type { KubeObject } from "../apiserver/types";
import type { Controller, ControllerContext } from "./context";
import { writeStatus } from "./context";
import { LOAD_BALANCER_HOSTNAME_ANNOTATION, loadBalancerIngress } from "./load-balancer";
import { asArray, asRecord, deepEqual, keyOf, splitKey, type JsonRecord } from "./object-util";
import { createWorkQueue } from "./work-queue";

const MANAGER = "cloud-controller-manager";

/** IPs other LoadBalancer Services of the cluster already publish (a cloud never hands one address to two). */
function takenBy(others: KubeObject[], svc: KubeObject): (ip: string) => boolean {
  const taken = new Set<string>();
  for (const other of others) {
    if (other.metadata.uid === svc.metadata.uid) continue;
    for (const entry of asArray(asRecord(asRecord(other.status)?.loadBalancer)?.ingress)) {
      const ip = asRecord(entry)?.ip;
      if (typeof ip === "string") taken.add(ip);
    }
  }
  return (ip) => taken.has(ip);
}

function desiredLoadBalancer(ctx: ControllerContext, svc: KubeObject, others: () => KubeObject[]): JsonRecord {
  if (asRecord(svc.spec)?.type !== "LoadBalancer") return {};
  const { namespace = "", name = "", annotations } = svc.metadata;
  // Keep what it has: addresses never move while a Service lives (a probe past a since-deleted neighbour would).
  const current = asArray(asRecord(asRecord(svc.status)?.loadBalancer)?.ingress);
  if (current.length > 0 && !annotations?.[LOAD_BALANCER_HOSTNAME_ANNOTATION] && current.every((e) => typeof asRecord(e)?.ip === "string")) return { ingress: current };
  return { ingress: loadBalancerIngress(ctx.store.cluster, namespace, name, annotations, ctx.loadBalancerAddresses, takenBy(others(), svc)) };
}

export function startServiceController(ctx: ControllerContext): Controller {
  const services = ctx.informers.for(ctx.kinds.service);

  const reconcile = (key: string): void => {
    const { namespace, name } = splitKey(key);
    const svc = services.get(namespace, name);
    if (!svc || svc.metadata.deletionTimestamp) return;
    const loadBalancer = desiredLoadBalancer(ctx, svc, () => services.list());
    const status = asRecord(svc.status) ?? {};
    if (!deepEqual(asRecord(status.loadBalancer) ?? {}, loadBalancer)) {
      writeStatus(ctx, ctx.kinds.service, svc, { ...status, loadBalancer }, MANAGER);
    }
  };

  const queue = createWorkQueue("service-controller", reconcile);
  services.addHandler((event) => {
    if (event.type !== "DELETED") queue.add(keyOf(event.object));
  });
  return { name: "service-controller", idle: queue.idle, stop: queue.stop };
}
