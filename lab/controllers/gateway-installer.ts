// The gateway installer (tsb-operator stand-in): keeps each IngressGateway's Deployment and Service as the
// manifests say (reverting drift, as an operator does), and reports the gateway's readiness on the CR's status.
// Deleting the CR removes both through their ownerReferences (see garbage-collector.ts).
import type { KubeObject } from "../apiserver/types";
import type { Controller, ControllerContext } from "./context";
import { writeStatus } from "./context";
import { ensureDeployment, ensureService, INSTALLER } from "./gateway-ensure";
import { asArray, asRecord, deepEqual, keyOf, nowSeconds, splitKey, type JsonRecord } from "./object-util";
import { createWorkQueue } from "./work-queue";

function readiness(deployment: KubeObject, service: KubeObject): { ready: boolean; reason: string; message: string } {
  const available = Number(asRecord(deployment.status)?.availableReplicas ?? 0);
  const ingress = asArray(asRecord(asRecord(service.status)?.loadBalancer)?.ingress);
  const lb = asRecord(service.spec)?.type === "LoadBalancer";
  if (available < 1) return { ready: false, reason: "DeploymentUnavailable", message: "waiting for the gateway deployment to become available" };
  if (lb && ingress.length === 0) return { ready: false, reason: "AddressPending", message: "waiting for the load balancer to publish addresses" };
  return { ready: true, reason: "Reconciled", message: "gateway deployment and service are ready" };
}

/** status.phase + a Ready condition whose lastTransitionTime moves only when its status does. */
function gatewayStatus(gw: KubeObject, deployment: KubeObject, service: KubeObject): JsonRecord {
  const { ready, reason, message } = readiness(deployment, service);
  const old = asArray(asRecord(gw.status)?.conditions).map((c) => asRecord(c) ?? {}).find((c) => c.type === "Ready");
  const status = ready ? "True" : "False";
  const condition = { type: "Ready", status, reason, message, lastTransitionTime: old?.status === status ? old.lastTransitionTime : nowSeconds() };
  return { phase: ready ? "Ready" : "Pending", observedGeneration: gw.metadata.generation ?? 1, conditions: [condition] };
}

export function startGatewayInstaller(ctx: ControllerContext): Controller {
  const gateways = ctx.informers.for(ctx.kinds.ingressGateway);
  const deployments = ctx.informers.for(ctx.kinds.deployment);
  const services = ctx.informers.for(ctx.kinds.service);

  const reconcile = (key: string): void => {
    const { namespace, name } = splitKey(key);
    const gw = gateways.get(namespace, name);
    if (!gw || gw.metadata.deletionTimestamp) return;
    const status = gatewayStatus(gw, ensureDeployment(ctx, deployments, gw), ensureService(ctx, services, gw));
    if (!deepEqual(gw.status, status)) writeStatus(ctx, ctx.kinds.ingressGateway, gw, status, INSTALLER);
  };

  const queue = createWorkQueue("gateway-installer", reconcile);
  gateways.addHandler((event) => queue.add(keyOf(event.object)));
  const onOwned = (event: { object: KubeObject }): void => {
    for (const ref of event.object.metadata.ownerReferences ?? []) {
      if (ref.kind === "IngressGateway" && typeof ref.name === "string") queue.add(`${event.object.metadata.namespace ?? ""}/${ref.name}`);
    }
  };
  deployments.addHandler(onOwned);
  services.addHandler(onOwned);
  return { name: "gateway-installer", idle: queue.idle, stop: queue.stop };
}
