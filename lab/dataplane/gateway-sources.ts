// What the gateways read from their cluster's store, through the lab's in-process informers (the same caches
// the controllers use): which Services are east-west gateways, where their load balancer publishes them, which
// gateway pods are ready behind them (their EndpointSlices, as the cloud load balancer's health checks would
// see them), those pods' labels, and the Gateway objects (networking.istio.io) istiod would push to them.
// Gateway objects and DestinationRules reach the gateways as istiod pushes them (mesh-debounce.ts: 100 ms after the last change), so
// a Gateway just written is not yet in force, as on a real cluster; readiness follows the EndpointSlices at once,
// as a load balancer's health checks do not wait for istiod.
import type { ClusterStore, KubeObject } from "../apiserver/types";
import type { Informer, InformerFactory } from "../controllers/informer";
import { asArray, asRecord, requireType, stringMap } from "../controllers/object-util";
import { EAST_WEST_PORT } from "./gateway-admission";
import { indexRules } from "./gateway-subsets";
import { createPushDebouncer, DEBOUNCE_AFTER_MS } from "./mesh-debounce";
import type { MeshIndex } from "./mesh-index";

const SERVICE_NAME_LABEL = "kubernetes.io/service-name";

/** One gateway as the data plane sees it now. */
export interface GatewaySnapshot {
  namespace: string;
  name: string;
  /** Where its load balancer answers (ingressAddresses). */
  addresses: string[];
  /** Ready endpoints' pods (namespace/name), in the EndpointSlices' order. */
  readyPods: string[];
}

/**
 * A Service the lab's gateway installer made from an IngressGateway (its controller ownerReference) that a cloud
 * load balancer publishes (type LoadBalancer) with the east-west port 15443.
 */
export function isGatewayService(svc: KubeObject): boolean {
  const spec = asRecord(svc.spec) ?? {};
  if (spec.type !== "LoadBalancer") return false;
  if (!asArray(spec.ports).some((p) => asRecord(p)?.port === EAST_WEST_PORT)) return false;
  return (svc.metadata.ownerReferences ?? []).some((ref) => ref.kind === "IngressGateway" && ref.controller === true);
}

/**
 * Where the load balancer answers: its ingress IPs; for a load balancer published by DNS name only (as AWS names
 * an ELB), the addresses that name resolves to, which the lab keeps to its address plan (`byName`: what
 * `addresses.loadBalancerAddresses` gives the Service, as a resolver outside the lab answers for the name).
 */
export function ingressAddresses(svc: KubeObject, byName: () => string[] = () => []): string[] {
  const ingress = asArray(asRecord(asRecord(svc.status)?.loadBalancer)?.ingress).map((raw) => asRecord(raw) ?? {});
  const ips = ingress.flatMap((i) => (typeof i.ip === "string" && i.ip !== "" ? [i.ip] : []));
  if (ips.length > 0) return ips;
  return ingress.some((i) => typeof i.hostname === "string" && i.hostname !== "") ? byName() : [];
}

/**
 * Pods of the Service's EndpointSlices whose endpoint is ready. An absent `conditions.ready` counts as ready, as
 * the EndpointSlice API says consumers must read it ("unknown state … should be interpreted as ready").
 */
export function readyPodsOf(slices: readonly KubeObject[]): string[] {
  const pods: string[] = [];
  for (const slice of slices) {
    for (const raw of asArray(slice.endpoints)) {
      const endpoint = asRecord(raw) ?? {};
      if (asRecord(endpoint.conditions)?.ready === false) continue;
      const ref = asRecord(endpoint.targetRef);
      if (ref?.kind !== "Pod" || typeof ref.name !== "string") continue;
      pods.push(`${typeof ref.namespace === "string" ? ref.namespace : (slice.metadata.namespace ?? "")}/${ref.name}`);
    }
  }
  return pods;
}

export interface GatewaySources {
  /** The gateway Service's current state, or undefined when it is not (or no longer) a gateway. */
  snapshot(namespace: string, name: string): GatewaySnapshot | undefined;
  /** Every gateway Service's namespace/name now. */
  keys(): string[];
  podLabels(pod: string): Record<string, string> | undefined;
  gatewayObjects(): KubeObject[];
  /** The DestinationRules of the last push (their subsets make the subset chains, gateway-subsets.ts). */
  rules(): MeshIndex;
  /** The pods of a namespace now. */
  pods(namespace: string): KubeObject[];
  /** Calls `onChange(namespace/name)` for every change that may change a gateway's snapshot. */
  watch(onChange: (key: string) => void): void;
  /** Calls `onPushed()` after each push of Gateway changes. */
  onPush(onPushed: () => void): void;
  /** Pushes pending Gateway changes now (tests). */
  flush(): void;
  stop(): void;
}

export interface GatewaySourcesOptions {
  debounceMs?: number;
  /** The addresses a load balancer published by DNS name answers on (the lab's address plan for the Service). */
  addressesByName(namespace: string, name: string): string[];
}

export function createGatewaySources(store: ClusterStore, informers: InformerFactory, options: GatewaySourcesOptions): GatewaySources {
  const services = informers.for(requireType(store.types, "", "Service"));
  const slices = informers.for(requireType(store.types, "discovery.k8s.io", "EndpointSlice"));
  const pods = informers.for(requireType(store.types, "", "Pod"));
  const gateways: Informer = informers.for(requireType(store.types, "networking.istio.io", "Gateway"));
  // The Gateway objects of the last push; the ones present at start are in force at once (a proxy's first config).
  const rules: Informer = informers.for(requireType(store.types, "networking.istio.io", "DestinationRule"));
  let pushed = gateways.list();
  let pushedRules = indexRules(rules.list());
  const pushListeners: Array<() => void> = [];
  const debouncer = createPushDebouncer(() => {
    pushed = gateways.list();
    pushedRules = indexRules(rules.list());
    for (const listener of pushListeners) listener();
  }, options.debounceMs ?? DEBOUNCE_AFTER_MS);
  gateways.addHandler(() => debouncer.changed());
  rules.addHandler(() => debouncer.changed());

  const slicesOf = (namespace: string, name: string): KubeObject[] =>
    slices.list(namespace).filter((s) => s.metadata.labels?.[SERVICE_NAME_LABEL] === name);

  return {
    snapshot(namespace, name) {
      const svc = services.get(namespace, name);
      if (!svc || !isGatewayService(svc)) return undefined;
      const addresses = ingressAddresses(svc, () => options.addressesByName(namespace, name));
      return { namespace, name, addresses, readyPods: readyPodsOf(slicesOf(namespace, name)) };
    },
    keys: () => services.list().filter(isGatewayService).map((svc) => `${svc.metadata.namespace ?? ""}/${svc.metadata.name ?? ""}`),
    podLabels(pod) {
      const slash = pod.indexOf("/");
      const found = pods.get(pod.slice(0, slash), pod.slice(slash + 1));
      return found ? stringMap(found.metadata.labels) : undefined;
    },
    gatewayObjects: () => pushed,
    rules: () => pushedRules,
    pods: (namespace) => pods.list(namespace),
    watch(onChange) {
      services.addHandler((event) => onChange(`${event.object.metadata.namespace ?? ""}/${event.object.metadata.name ?? ""}`));
      slices.addHandler((event) => {
        const service = event.object.metadata.labels?.[SERVICE_NAME_LABEL];
        if (service !== undefined) onChange(`${event.object.metadata.namespace ?? ""}/${service}`);
      });
    },
    onPush: (onPushed) => void pushListeners.push(onPushed),
    flush: () => debouncer.flush(),
    stop: () => debouncer.stop(),
  };
}
