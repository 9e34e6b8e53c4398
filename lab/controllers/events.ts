// core/v1 Events as controllers and the kubelet record them, so `kubectl describe` and `kubectl get events` show
// the usual story (Scheduled, Pulled, Created, Started, ScalingReplicaSet, Unhealthy). Not recorded while a cluster
// boots from its scenario: the seeded world's history is older than the (1 h) event TTL would keep.
import type { KubeObject } from "../apiserver/types";
import type { ControllerContext } from "./context";
import { nowSeconds } from "./object-util";

export interface EventSpec {
  type?: "Normal" | "Warning";
  reason: string;
  message: string;
  component: string;
  /** The node, for kubelet events. */
  host?: string;
}

let sequence = 0n;

/** Upstream names events `<object>.<unix nanoseconds in hex>`. */
function eventName(obj: KubeObject): string {
  sequence += 1n;
  return `${obj.metadata.name ?? ""}.${(BigInt(Date.now()) * 1_000_000n + sequence).toString(16)}`;
}

export function recordEvent(ctx: ControllerContext, obj: KubeObject, spec: EventSpec): void {
  const type = ctx.store.types.byKind("", "Event");
  if (!type || ctx.booting || !obj.metadata.namespace) return;
  const ts = nowSeconds();
  const event: KubeObject = {
    apiVersion: "v1",
    kind: "Event",
    metadata: { name: eventName(obj), namespace: obj.metadata.namespace },
    involvedObject: {
      apiVersion: obj.apiVersion,
      kind: obj.kind,
      name: obj.metadata.name,
      namespace: obj.metadata.namespace,
      uid: obj.metadata.uid,
      resourceVersion: obj.metadata.resourceVersion,
    },
    reason: spec.reason,
    message: spec.message,
    type: spec.type ?? "Normal",
    source: { component: spec.component, ...(spec.host ? { host: spec.host } : {}) },
    firstTimestamp: ts,
    lastTimestamp: ts,
    count: 1,
    eventTime: null,
    reportingComponent: spec.component,
    reportingInstance: spec.host ?? "",
  };
  try {
    ctx.store.create(type, event, { fieldManager: spec.component });
  } catch {
    // Events are best effort upstream too (a terminating namespace refuses them).
  }
}
