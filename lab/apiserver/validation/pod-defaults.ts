// SetDefaults for pod specs (pkg/apis/core/v1/defaults.go: SetDefaults_PodSpec, SetDefaults_Container,
// SetDefaults_ContainerPort, SetDefaults_Probe, SetDefaults_HTTPGetAction), applied to Pods and to every pod
// template, so what a client reads back is what it would read from a real apiserver (and `kubectl diff` right
// after a create shows nothing). Runs on every write, as defaulting runs on every decode.
import { isRecord } from "../object-util";

/** SetDefaults_Container: no tag (or :latest) and no digest means Always, else IfNotPresent. */
export function defaultPullPolicy(image: unknown): string {
  const ref = typeof image === "string" ? image : "";
  if (ref.includes("@")) return "IfNotPresent";
  const lastSegment = ref.slice(ref.lastIndexOf("/") + 1);
  const tag = lastSegment.includes(":") ? lastSegment.slice(lastSegment.lastIndexOf(":") + 1) : "";
  return tag === "" || tag === "latest" ? "Always" : "IfNotPresent";
}

function defaultProbe(probe: unknown): void {
  if (!isRecord(probe)) return;
  probe.timeoutSeconds ??= 1;
  probe.periodSeconds ??= 10;
  probe.successThreshold ??= 1;
  probe.failureThreshold ??= 3;
  if (isRecord(probe.httpGet)) {
    probe.httpGet.path ??= "/";
    probe.httpGet.scheme ??= "HTTP";
  }
}

function defaultContainer(container: unknown): void {
  if (!isRecord(container)) return;
  container.terminationMessagePath ??= "/dev/termination-log";
  container.terminationMessagePolicy ??= "File";
  container.imagePullPolicy ??= defaultPullPolicy(container.image);
  if (Array.isArray(container.ports)) for (const port of container.ports) if (isRecord(port)) port.protocol ??= "TCP";
  defaultProbe(container.livenessProbe);
  defaultProbe(container.readinessProbe);
  defaultProbe(container.startupProbe);
}

export function defaultPodSpec(spec: unknown): void {
  if (!isRecord(spec)) return;
  spec.dnsPolicy ??= "ClusterFirst";
  spec.restartPolicy ??= "Always";
  spec.terminationGracePeriodSeconds ??= 30;
  spec.securityContext ??= {};
  spec.schedulerName ??= "default-scheduler";
  spec.enableServiceLinks ??= true;
  for (const list of [spec.containers, spec.initContainers]) if (Array.isArray(list)) list.forEach(defaultContainer);
}

/**
 * Empty maps do not survive a round trip through etcd (protobuf drops them, `omitempty` hides the nil map): the
 * apiserver never returns `labels: {}`. `paths` are dotted paths of maps to drop when empty.
 */
export function dropEmptyMaps(object: Record<string, unknown>, paths: readonly string[]): void {
  for (const path of paths) {
    const parts = path.split(".");
    const last = parts.pop() ?? "";
    let node: unknown = object;
    for (const part of parts) node = isRecord(node) ? node[part] : undefined;
    if (isRecord(node) && isRecord(node[last]) && Object.keys(node[last]).length === 0) delete node[last];
  }
}
