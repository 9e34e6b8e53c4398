// istiod's Gateway, DestinationRule and VirtualService validation (ValidateGateway/validateServer/
// validateServerPort, ValidateDestinationRule's host and outlier detection, ValidateVirtualService's hosts and
// routes), the checks the CRD schemas cannot express, in istiod's words.
import { isRecord } from "../object-util";
import { isTLSProtocol, knownProtocol, portError, wildcardDomainError } from "./istio-rules";

type Spec = Record<string, unknown>;
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

function serverErrors(server: unknown): string[] {
  if (!isRecord(server)) return ["cannot have nil server"];
  const errors: string[] = [];
  const hosts = list(server.hosts).map(String);
  if (hosts.length === 0) errors.push("server config must contain at least one host");
  for (const host of hosts) {
    // namespace/host form: the host part is a wildcard domain ("*" allowed).
    const h = host.includes("/") ? host.slice(host.indexOf("/") + 1) : host;
    const err = h === "*" ? undefined : wildcardDomainError(h);
    if (err) errors.push(err);
  }
  const port = server.port;
  if (!isRecord(port)) return [...errors, "port is required"];
  if (!knownProtocol(port.protocol)) {
    errors.push(`invalid protocol ${JSON.stringify(String(port.protocol ?? ""))}, supported protocols are HTTP, HTTP2, GRPC, GRPC-WEB, MONGO, REDIS, MYSQL, TCP`);
  }
  const err = portError(port.number);
  if (err) errors.push(err);
  if (typeof port.targetPort === "number" && port.targetPort > 0) errors.push("targetPort has no impact on Gateways");
  if (!port.name) errors.push(`port name must be set: number:${String(port.number ?? 0)} protocol:${JSON.stringify(String(port.protocol ?? ""))}`);
  if (isTLSProtocol(port.protocol) && server.tls === undefined) errors.push("server must have TLS settings for HTTPS/TLS protocols");
  return errors;
}

export function gatewayErrors(name: string, spec: Spec): string[] {
  const errors: string[] = [];
  if (!DNS_LABEL.test(name)) errors.push(`invalid gateway name: ${JSON.stringify(name)}`);
  const servers = list(spec.servers);
  if (servers.length === 0) errors.push("gateway must have at least one server");
  else for (const s of servers) errors.push(...serverErrors(s));
  const names = new Set<string>();
  for (const s of servers) {
    const port = isRecord(s) && isRecord(s.port) ? s.port : undefined;
    if (!port) continue;
    const portName = String(port.name ?? "");
    if (names.has(portName)) errors.push(`port names in servers must be unique: duplicate name ${portName}`);
    names.add(portName);
  }
  return errors;
}

function outlierErrors(policy: unknown): string[] {
  const outlier = isRecord(policy) && isRecord(policy.outlierDetection) ? policy.outlierDetection : undefined;
  if (!outlier) return [];
  const percent = outlier.maxEjectionPercent;
  if (typeof percent === "number" && (percent < 0 || percent > 100)) return ["outlier detection maximum ejection percentage must be in range [0, 100]"];
  return [];
}

export function destinationRuleErrors(spec: Spec): string[] {
  const errors: string[] = [];
  const err = wildcardDomainError(typeof spec.host === "string" ? spec.host : "");
  if (err) errors.push(err);
  errors.push(...outlierErrors(spec.trafficPolicy));
  for (const subset of list(spec.subsets)) {
    if (isRecord(subset) && !subset.name) errors.push("subset name is invalid: ");
    if (isRecord(subset)) errors.push(...outlierErrors(subset.trafficPolicy));
  }
  return errors;
}

export function virtualServiceErrors(spec: Spec): string[] {
  const errors: string[] = [];
  const hosts = list(spec.hosts).map(String);
  if (hosts.length === 0) errors.push("virtual service must have at least one host");
  for (const host of hosts) {
    const err = host === "*" ? undefined : wildcardDomainError(host);
    if (err) errors.push(err);
  }
  if (list(spec.http).length === 0 && list(spec.tcp).length === 0 && list(spec.tls).length === 0) {
    errors.push("http, tcp or tls must be provided in virtual service");
  }
  return errors;
}
