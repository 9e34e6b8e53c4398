// Service validation (pkg/apis/core/validation: ValidateService, ValidateServiceUpdate): a known type and session
// affinity, ports required unless ExternalName or headless, port numbers in range, names required when there are
// several, and cluster IPs that never change once allocated (validateUpgradeDowngradeClusterIPs).
import { isRecord } from "../object-util";
import type { FieldError } from "../status";
import type { KubeObject } from "../types";
import { duplicate, goSimple, goStringSlice, inclusiveRange, invalidField, notSupported, required } from "./go-values";
import { isDNS1123Label } from "./name-rules";

const TYPES = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"];
const AFFINITIES = ["ClientIP", "None"];
const PROTOCOLS = ["SCTP", "TCP", "UDP"];

function validPort(value: unknown): boolean {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 65535;
}

function validatePort(port: Record<string, unknown>, at: string, several: boolean, names: Set<string>): FieldError[] {
  const errors: FieldError[] = [];
  const name = typeof port.name === "string" ? port.name : "";
  if (several && !name) errors.push(required(`${at}.name`));
  else if (name) {
    for (const msg of isDNS1123Label(name)) errors.push(invalidField(`${at}.name`, goSimple(name), msg));
    if (names.has(name)) errors.push(duplicate(`${at}.name`, name));
    names.add(name);
  }
  if (!validPort(port.port)) errors.push(invalidField(`${at}.port`, goSimple(port.port ?? 0), inclusiveRange(1, 65535)));
  if (port.protocol !== undefined && !PROTOCOLS.includes(String(port.protocol))) errors.push(notSupported(`${at}.protocol`, port.protocol, PROTOCOLS));
  if (typeof port.targetPort === "number" && !validPort(port.targetPort)) {
    errors.push(invalidField(`${at}.targetPort`, goSimple(port.targetPort), inclusiveRange(1, 65535)));
  }
  // The NodePort allocator's refusal (the default --service-node-port-range).
  if (typeof port.nodePort === "number" && port.nodePort !== 0 && (port.nodePort < 30000 || port.nodePort > 32767)) {
    errors.push(invalidField(`${at}.nodePort`, goSimple(port.nodePort), "provided port is not in the valid range. The range of valid ports is 30000-32767"));
  }
  return errors;
}

export function validateService(object: KubeObject, existing?: KubeObject): FieldError[] {
  const spec = isRecord(object.spec) ? object.spec : {};
  const errors: FieldError[] = [];
  const type = spec.type ?? "ClusterIP";
  if (!TYPES.includes(String(type))) errors.push(notSupported("spec.type", type, TYPES));
  const ports = Array.isArray(spec.ports) ? spec.ports : [];
  const headless = spec.clusterIP === "None";
  if (ports.length === 0 && !headless && type !== "ExternalName") errors.push(required("spec.ports"));
  const names = new Set<string>();
  ports.forEach((p, i) => {
    if (isRecord(p)) errors.push(...validatePort(p, `spec.ports[${i}]`, ports.length > 1, names));
  });
  if (spec.sessionAffinity !== undefined && !AFFINITIES.includes(String(spec.sessionAffinity))) {
    errors.push(notSupported("spec.sessionAffinity", spec.sessionAffinity, AFFINITIES));
  }
  if (existing) errors.push(...clusterIPChanges(spec, isRecord(existing.spec) ? existing.spec : {}));
  return errors;
}

/** Allocated cluster IPs are immutable, unless the Service moves to or from ExternalName (which has none). */
function clusterIPChanges(spec: Record<string, unknown>, old: Record<string, unknown>): FieldError[] {
  if (spec.type === "ExternalName" || old.type === "ExternalName") return [];
  const before = Array.isArray(old.clusterIPs) ? old.clusterIPs.map(String) : [];
  let after = Array.isArray(spec.clusterIPs) ? spec.clusterIPs.map(String) : [];
  // normalizeClusterIPs: an old client changing only the singular field changes the plural one with it.
  if (typeof spec.clusterIP === "string" && spec.clusterIP !== old.clusterIP && after.join() === before.join()) after = [spec.clusterIP];
  const errors: FieldError[] = [];
  before.forEach((ip, i) => {
    if (i < after.length && after[i] !== ip) errors.push(invalidField(`spec.clusterIPs[${i}]`, goStringSlice(after), "may not change once set"));
  });
  return errors;
}
