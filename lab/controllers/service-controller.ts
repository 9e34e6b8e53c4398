// The cloud-controller-manager's service controller: every LoadBalancer Service gets
// status.loadBalancer.ingress (see load-balancer.ts: IPs, or a DNS name as AWS publishes); a Service that stops
// being a LoadBalancer loses it.
// Cluster IPs and NodePorts are allocated synchronously by the apiserver's registry (lab/apiserver/defaults.ts).
import type { KubeObject } from "../apiserver/types";
import type { Controller, ControllerContext } from "./context";
import { writeStatus } from "./context";
import { loadBalancerIngress } from "./load-balancer";
import { asRecord, deepEqual, keyOf, splitKey, type JsonRecord } from "./object-util";
import { createWorkQueue } from "./work-queue";

const MANAGER = "cloud-controller-manager";

function desiredLoadBalancer(ctx: ControllerContext, svc: KubeObject): JsonRecord {
  if (asRecord(svc.spec)?.type !== "LoadBalancer") return {};
  return { ingress: loadBalancerIngress(ctx.store.cluster, svc.metadata.namespace ?? "", svc.metadata.name ?? "", svc.metadata.annotations, ctx.loadBalancerAddresses) };
}

export function startServiceController(ctx: ControllerContext): Controller {
  const services = ctx.informers.for(ctx.kinds.service);

  const reconcile = (key: string): void => {
    const { namespace, name } = splitKey(key);
    const svc = services.get(namespace, name);
    if (!svc || svc.metadata.deletionTimestamp) return;
    const loadBalancer = desiredLoadBalancer(ctx, svc);
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
