// Services, east-west gateways and DestinationRules of one cluster, from raw objects to the planner's input.
// An IngressGateway is paired with the Service its installer created under the same namespace/name: that
// Service's selector is (a subset of) the gateway pods' labels, its ports say whether 15443 is served, and its
// `status.loadBalancer.ingress` and `xcp.tetrate.io/cluster-external-addresses` annotation are what remote
// clusters dial.
import { EXTERNAL_ADDRESSES_ANNOTATION } from "@/lib/plan/gateway-addresses";
import type { DestinationRuleInput, GatewayAddress, GatewayInput, ServiceInput, ServicePort } from "@/lib/plan/input";
import { asArray, asRecord, asString, asStringMap } from "./json-read";
import { managersOf, proveOwnership } from "./ownership";
import type { SnapshotObject } from "./raw-object";
import type { RegistryCondition } from "./types";

type Named = { namespace: string; name: string };

export function named(o: SnapshotObject): Named | undefined {
  const namespace = o.metadata?.namespace;
  const name = o.metadata?.name;
  return namespace && name ? { namespace, name } : undefined;
}

function port(raw: unknown): ServicePort | undefined {
  const p = asRecord(raw);
  const number = p?.port;
  if (!p || typeof number !== "number" || !Number.isInteger(number) || number < 1 || number > 65535) return undefined;
  const target = p.targetPort;
  const appProtocol = asString(p.appProtocol);
  return {
    name: asString(p.name) ?? "",
    port: number,
    protocol: asString(p.protocol) ?? "TCP",
    ...(appProtocol ? { appProtocol } : {}),
    ...(typeof target === "number" || typeof target === "string" ? { targetPort: target } : {}),
  };
}

function ports(spec: unknown): ServicePort[] {
  return asArray(asRecord(spec)?.ports).flatMap((p) => port(p) ?? []);
}

export function toService(o: SnapshotObject, ref: Named): ServiceInput {
  return { ...ref, ports: ports(o.spec), selector: asStringMap(asRecord(o.spec)?.selector), labels: o.metadata?.labels ?? {} };
}

function addresses(status: unknown): GatewayAddress[] {
  const ingress = asArray(asRecord(asRecord(status)?.loadBalancer)?.ingress);
  return ingress.flatMap((raw) => {
    const r = asRecord(raw);
    const ip = asString(r?.ip);
    const hostname = asString(r?.hostname);
    return ip || hostname ? [{ ...(ip ? { ip } : {}), ...(hostname ? { hostname } : {}) }] : [];
  });
}

export function toGateway(gw: SnapshotObject, ref: Named, services: readonly SnapshotObject[]): GatewayInput {
  const svc = services.find((s) => s.metadata?.namespace === ref.namespace && s.metadata.name === ref.name);
  const selector = asStringMap(asRecord(svc?.spec)?.selector);
  const annotation = svc?.metadata?.annotations?.[EXTERNAL_ADDRESSES_ANNOTATION];
  return {
    ...ref,
    // The installer labels the pods app=<name>; the Service's selector is the authoritative subset.
    podLabels: Object.keys(selector).length > 0 ? selector : { app: ref.name },
    eastWestOnly: asRecord(gw.spec)?.eastWestOnly === true,
    serviceType: asString(asRecord(svc?.spec)?.type) ?? "",
    ports: svc ? ports(svc.spec) : [],
    addresses: svc ? addresses(svc.status) : [],
    ...(annotation === undefined ? {} : { externalAddressesAnnotation: annotation }),
  };
}

export function toDestinationRule(o: SnapshotObject, ref: Named): DestinationRuleInput {
  const spec = asRecord(o.spec);
  const outlier = asRecord(asRecord(spec?.trafficPolicy)?.outlierDetection);
  const maxEjection = outlier?.maxEjectionPercent;
  return {
    ...ref,
    host: asString(spec?.host) ?? "",
    // Ours only with the proof's own marks (the workspaces' namespaces, which need this very input, aside): a
    // copy of our label on someone's rule must not hide it from the planner as "the console's".
    managedByUs: proveOwnership({ kind: "DestinationRule", ...ref, labels: o.metadata?.labels ?? {}, annotations: o.metadata?.annotations ?? {}, managers: managersOf(o.metadata?.managedFields) }, undefined).owned,
    hasOutlierDetection: outlier !== undefined,
    ...(typeof maxEjection === "number" ? { maxEjectionPercent: maxEjection } : {}),
  };
}

export function unnamed(cluster: string, kind: string): RegistryCondition {
  const message = `a ${kind} in ${cluster} has no name or namespace; it is ignored.`;
  return { severity: "warning", reason: "InvalidSnapshotObject", cluster, subject: kind, message };
}
