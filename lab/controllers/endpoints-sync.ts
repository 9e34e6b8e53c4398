// Writes one Service's Endpoints and EndpointSlice when what the pods say differs from what is stored.
import type { KubeObject } from "../apiserver/types";
import type { ControllerContext } from "./context";
import { endpointSubsets, sliceContent } from "./endpoints-build";
import type { Informer } from "./informer";
import { controllerRef, deepEqual, stringMap, type JsonRecord } from "./object-util";

const MANAGER = "kube-controller-manager";
export const SERVICE_NAME_LABEL = "kubernetes.io/service-name";
export const MANAGED_BY_LABEL = "endpointslice.kubernetes.io/managed-by";
export const SLICE_CONTROLLER = "endpointslice-controller.k8s.io";

export function syncEndpoints(ctx: ControllerContext, endpoints: Informer, svc: KubeObject, members: KubeObject[]): void {
  const { namespace, name = "" } = svc.metadata;
  const subsets = endpointSubsets(svc, members);
  const labels = stringMap(svc.metadata.labels);
  const existing = endpoints.get(namespace, name);
  if (!existing) {
    const body = { apiVersion: "v1", kind: "Endpoints", metadata: { name, namespace, labels }, subsets };
    ctx.store.create(ctx.kinds.endpoints, body, { fieldManager: MANAGER });
  } else if (!deepEqual(existing.subsets ?? [], subsets) || !deepEqual(existing.metadata.labels ?? {}, labels)) {
    ctx.store.update(ctx.kinds.endpoints, { ...existing, metadata: { ...existing.metadata, labels }, subsets }, { fieldManager: MANAGER });
  }
}

/** The slices the endpointslice controller owns for a Service, oldest name first. */
export function ownSlices(slices: Informer, namespace: string | undefined, service: string): KubeObject[] {
  return slices
    .list(namespace)
    .filter((s) => s.metadata.labels?.[SERVICE_NAME_LABEL] === service && s.metadata.labels?.[MANAGED_BY_LABEL] === SLICE_CONTROLLER)
    .sort((a, b) => String(a.metadata.name).localeCompare(String(b.metadata.name)));
}

/** One slice per Service (the lab never exceeds upstream's 100 endpoints per slice in practice); extras go. */
export function syncSlice(ctx: ControllerContext, slices: Informer, svc: KubeObject, members: KubeObject[]): void {
  const { store, kinds } = ctx;
  const { namespace, name = "" } = svc.metadata;
  const { endpoints, ports } = sliceContent(svc, members);
  const labels = { ...stringMap(svc.metadata.labels), [SERVICE_NAME_LABEL]: name, [MANAGED_BY_LABEL]: SLICE_CONTROLLER };
  const body: JsonRecord = { addressType: "IPv4", endpoints, ...(ports.length > 0 ? { ports } : {}) };
  const [first, ...extra] = ownSlices(slices, namespace, name);
  for (const slice of extra) store.delete(kinds.endpointSlice, namespace, slice.metadata.name ?? "");
  if (!first) {
    const metadata = { generateName: `${name}-`, namespace, labels, ownerReferences: [controllerRef(svc)] };
    store.create(kinds.endpointSlice, { apiVersion: "discovery.k8s.io/v1", kind: "EndpointSlice", metadata, ...body }, { fieldManager: MANAGER });
    return;
  }
  const same = deepEqual(first.metadata.labels ?? {}, labels) && Object.entries(body).every(([k, v]) => deepEqual(first[k], v));
  if (same && (ports.length > 0 || first.ports === undefined)) return;
  const next: KubeObject = { ...first, metadata: { ...first.metadata, labels }, ...body };
  if (ports.length === 0) delete next.ports;
  store.update(kinds.endpointSlice, next, { fieldManager: MANAGER });
}
