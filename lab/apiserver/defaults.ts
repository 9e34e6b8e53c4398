// What the registry strategies and defaulting do to a new object before it is stored (PrepareForCreate +
// SetDefaults): reset status where a status subresource owns it, default a few spec fields clients print, and
// allocate Service cluster IPs / node ports like the service IP and port allocators.
import { KEEPS_STATUS_ON_CREATE, typeKey } from "./builtin-types";
import { isRecord } from "./object-util";
import type { KubeObject, ResourceType } from "./types";
import { defaultNetworkPolicy } from "./validation/network-policy";
import { defaultPodSpec, dropEmptyMaps } from "./validation/pod-defaults";

export interface Allocator {
  clusterIP(): string;
  nodePort(): number;
  /** Marks a value a client chose itself, so it is never handed out again. */
  reserve(value: string | number): void;
}

// Sequential allocation from 10.96.0.0/12 and 30000-32767 (the default service CIDR and NodePort range),
// skipping values already taken. Values are not released on delete; the ranges outlast any lab run.
export function createAllocator(): Allocator {
  const taken = new Set<string | number>();
  let ip = 10;
  let port = 30000;
  const nextIP = (): string => {
    ip += 1;
    return `10.96.${Math.floor(ip / 250)}.${(ip % 250) + 1}`;
  };
  return {
    clusterIP: () => {
      let value = nextIP();
      while (taken.has(value)) value = nextIP();
      taken.add(value);
      return value;
    },
    nodePort: () => {
      do port = port >= 32767 ? 30000 : port + 1;
      while (taken.has(port));
      taken.add(port);
      return port;
    },
    reserve: (value) => void taken.add(value),
  };
}

function spec(object: KubeObject): Record<string, unknown> {
  if (!isRecord(object.spec)) object.spec = {};
  return object.spec as Record<string, unknown>;
}

/** Status as each kind's PrepareForCreate leaves it. */
function initialStatus(type: ResourceType): Record<string, unknown> | undefined {
  if (type.custom) return undefined;
  if (type.kind === "Namespace") return { phase: "Active" };
  if (type.kind === "Pod") return { phase: "Pending", qosClass: "BestEffort" };
  if (type.kind === "Service") return { loadBalancer: {} };
  // PodDisruptionBudgetStatus{}: its int32 counters are not omitempty.
  if (type.kind === "PodDisruptionBudget") return { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 };
  return {};
}

function defaultService(object: KubeObject, alloc: Allocator, previous?: KubeObject): void {
  const s = spec(object);
  const old = previous && isRecord(previous.spec) ? previous.spec : {};
  s.type ??= "ClusterIP";
  s.sessionAffinity ??= "None";
  if (s.type !== "ExternalName") {
    if (typeof s.clusterIP === "string") alloc.reserve(s.clusterIP);
    s.clusterIP ??= old.clusterIP ?? alloc.clusterIP();
    s.clusterIPs ??= s.clusterIP === "None" ? ["None"] : [s.clusterIP];
    s.ipFamilies ??= ["IPv4"];
    s.ipFamilyPolicy ??= "SingleStack";
    s.internalTrafficPolicy ??= "Cluster";
  }
  const oldPorts = Array.isArray(old.ports) ? old.ports.filter(isRecord) : [];
  const wantsNodePort = s.type === "NodePort" || s.type === "LoadBalancer";
  if (wantsNodePort) s.externalTrafficPolicy ??= "Cluster";
  if (!Array.isArray(s.ports)) return;
  for (const port of s.ports.filter(isRecord)) {
    port.protocol ??= "TCP";
    // SetDefaults_Service: a missing, 0 or "" targetPort is the port itself.
    if (port.targetPort === undefined || port.targetPort === 0 || port.targetPort === "") port.targetPort = port.port;
    if (typeof port.nodePort === "number") alloc.reserve(port.nodePort);
    if (wantsNodePort && port.nodePort === undefined) {
      const same = oldPorts.find((p) => p.port === port.port && (p.protocol ?? "TCP") === port.protocol);
      port.nodePort = same?.nodePort ?? alloc.nodePort();
    }
  }
}

function defaultDeployment(object: KubeObject): void {
  const s = spec(object);
  s.replicas ??= 1;
  s.revisionHistoryLimit ??= 10;
  s.progressDeadlineSeconds ??= 600;
  s.strategy ??= { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: "25%" } };
  if (isRecord(s.template)) defaultPodSpec(s.template.spec);
}

const META_MAPS = ["metadata.labels", "metadata.annotations"];
/** Map fields (beyond metadata's) whose emptiness does not survive storage; a Deployment's {} selector does. */
const EMPTY_MAPS: Record<string, string[]> = {
  Service: [...META_MAPS, "spec.selector"],
  Pod: [...META_MAPS, "spec.nodeSelector"],
  Deployment: [...META_MAPS, "spec.template.metadata.labels", "spec.template.metadata.annotations", "spec.template.spec.nodeSelector"],
};
EMPTY_MAPS.ReplicaSet = EMPTY_MAPS.Deployment ?? [];

/** SetDefaults_ReplicaSet: one replica, and the pod template's defaults (rollout undo copies it back). */
function defaultReplicaSet(object: KubeObject): void {
  const s = spec(object);
  s.replicas ??= 1;
  if (isRecord(s.template)) defaultPodSpec(s.template.spec);
}

// The apiserver labels every namespace with its own name (kubernetes.io/metadata.name, immutable) and gives it the
// "kubernetes" finalizer the namespace controller removes once the namespace is empty.
function defaultNamespace(object: KubeObject): void {
  spec(object).finalizers ??= ["kubernetes"];
  if (object.metadata.name) object.metadata.labels = { ...object.metadata.labels, "kubernetes.io/metadata.name": object.metadata.name };
}

/** Defaults applied on every write (create and update), as SetDefaults runs on every decode. */
export function applyDefaults(type: ResourceType, object: KubeObject, alloc: Allocator, previous?: KubeObject): void {
  if (type.custom) return;
  dropEmptyMaps(object, EMPTY_MAPS[type.kind] ?? META_MAPS);
  if (type.kind === "Service") defaultService(object, alloc, previous);
  if (type.kind === "Pod") defaultPodSpec(object.spec);
  if (type.kind === "Deployment") defaultDeployment(object);
  if (type.kind === "ReplicaSet") defaultReplicaSet(object);
  if (type.kind === "NetworkPolicy") defaultNetworkPolicy(object);
  if (type.kind === "Namespace") defaultNamespace(object);
}

export function prepareForCreate(type: ResourceType, object: KubeObject, alloc: Allocator): void {
  if (type.subresources.status && !KEEPS_STATUS_ON_CREATE.has(typeKey(type))) {
    const status = initialStatus(type);
    if (status) object.status = status;
    else delete object.status;
  }
  applyDefaults(type, object, alloc);
}
