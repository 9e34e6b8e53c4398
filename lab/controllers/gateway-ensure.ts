// Creates or corrects an IngressGateway's Deployment and Service. Only the fields the installer sets are compared
// (the apiserver adds defaults, the allocator adds cluster IPs and NodePorts), so a settled gateway writes nothing.
import type { KubeObject } from "../apiserver/types";
import type { ControllerContext } from "./context";
import { gatewayDeployment, gatewayService } from "./gateway-manifests";
import type { Informer } from "./informer";
import { asArray, asRecord, deepEqual, isSubset, type JsonRecord } from "./object-util";

export const INSTALLER = "tsb-operator";

/** Service ports as desired, keeping NodePorts already allocated to the same port. */
function mergePorts(desired: unknown, existing: unknown): JsonRecord[] {
  const old = asArray(existing).map((p) => asRecord(p) ?? {});
  return asArray(desired).map((raw) => {
    const port = { ...(asRecord(raw) ?? {}) };
    const match = old.find((o) => o.name === port.name && o.port === port.port);
    if (match && typeof match.nodePort === "number") port.nodePort = match.nodePort;
    return port;
  });
}

const withoutNodePorts = (ports: unknown): unknown[] => asArray(ports).map((p) => ({ ...(asRecord(p) ?? {}), nodePort: undefined }));

function metaDrift(existing: KubeObject, desired: KubeObject): boolean {
  const labels = existing.metadata.labels ?? {};
  const wanted = desired.metadata.labels ?? {};
  return Object.entries(wanted).some(([k, v]) => labels[k] !== v) || !deepEqual(existing.metadata.ownerReferences, desired.metadata.ownerReferences);
}

function correctedMeta(existing: KubeObject, desired: KubeObject): KubeObject["metadata"] {
  return { ...existing.metadata, labels: { ...existing.metadata.labels, ...desired.metadata.labels }, ownerReferences: desired.metadata.ownerReferences };
}

export function ensureDeployment(ctx: ControllerContext, deployments: Informer, gw: KubeObject): KubeObject {
  const desired = gatewayDeployment(gw);
  const existing = deployments.get(gw.metadata.namespace, gw.metadata.name ?? "");
  if (!existing) return ctx.store.create(ctx.kinds.deployment, desired, { fieldManager: INSTALLER });
  if (!metaDrift(existing, desired) && isSubset(desired.spec, existing.spec)) return existing;
  const spec = { ...(asRecord(existing.spec) ?? {}), ...(asRecord(desired.spec) ?? {}) };
  return ctx.store.update(ctx.kinds.deployment, { ...existing, metadata: correctedMeta(existing, desired), spec }, { fieldManager: INSTALLER });
}

export function ensureService(ctx: ControllerContext, services: Informer, gw: KubeObject): KubeObject {
  const desired = gatewayService(gw);
  const existing = services.get(gw.metadata.namespace, gw.metadata.name ?? "");
  if (!existing) return ctx.store.create(ctx.kinds.service, desired, { fieldManager: INSTALLER });
  const spec = asRecord(existing.spec) ?? {};
  const want = asRecord(desired.spec) ?? {};
  const specDrift = spec.type !== want.type || !deepEqual(spec.selector, want.selector) || !isSubset(withoutNodePorts(want.ports), withoutNodePorts(spec.ports));
  if (!specDrift && !metaDrift(existing, desired)) return existing;
  const nextSpec = { ...spec, type: want.type, selector: want.selector, ports: mergePorts(want.ports, spec.ports) };
  return ctx.store.update(ctx.kinds.service, { ...existing, metadata: correctedMeta(existing, desired), spec: nextSpec }, { fieldManager: INSTALLER });
}
