// Service + pods → Endpoints and one EndpointSlice per Service (the endpoints and endpointslice controllers).
// Only Services with a selector are managed; selector-less Services keep whatever Endpoints users write.
import type { Controller, ControllerContext } from "./context";
import { SERVICE_NAME_LABEL, syncEndpoints, syncSlice } from "./endpoints-sync";
import { keyOf, selectorMatches, splitKey, stringMap } from "./object-util";
import { isPodTerminal } from "./pod-status";
import { createWorkQueue } from "./work-queue";

export { MANAGED_BY_LABEL, SERVICE_NAME_LABEL, SLICE_CONTROLLER } from "./endpoints-sync";

export function startEndpointsController(ctx: ControllerContext): Controller {
  const { store, kinds } = ctx;
  const services = ctx.informers.for(kinds.service);
  const pods = ctx.informers.for(kinds.pod);
  const endpoints = ctx.informers.for(kinds.endpoints);
  const slices = ctx.informers.for(kinds.endpointSlice);

  const reconcile = (key: string): void => {
    const { namespace, name } = splitKey(key);
    const svc = services.get(namespace, name);
    if (!svc) {
      // Endpoints carry no ownerReference upstream: the controller deletes them with their Service.
      if (endpoints.get(namespace, name)) store.delete(kinds.endpoints, namespace, name);
      return;
    }
    const selector = stringMap((svc.spec as { selector?: unknown } | undefined)?.selector);
    if (svc.metadata.deletionTimestamp || Object.keys(selector).length === 0) return;
    // Terminating pods stay members (endpoints-build.ts decides where they show); finished ones are out.
    const members = pods.list(namespace).filter((p) => !isPodTerminal(p) && selectorMatches(selector, p.metadata.labels));
    syncEndpoints(ctx, endpoints, svc, members);
    syncSlice(ctx, slices, svc, members);
  };

  const queue = createWorkQueue("endpoints-controller", reconcile);
  services.addHandler((event) => queue.add(keyOf(event.object)));
  pods.addHandler((event) => {
    // Any Service of the namespace may have selected the pod before or after this change.
    for (const svc of services.list(event.object.metadata.namespace)) queue.add(keyOf(svc));
  });
  slices.addHandler((event) => {
    const service = event.object.metadata.labels?.[SERVICE_NAME_LABEL];
    if (service && event.type === "DELETED") queue.add(`${event.object.metadata.namespace ?? ""}/${service}`);
  });
  return { name: "endpoints-controller", idle: queue.idle, stop: queue.stop };
}
