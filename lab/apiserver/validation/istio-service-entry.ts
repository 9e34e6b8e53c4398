// istiod's ServiceEntry and WorkloadEntry validation (ValidateServiceEntry, validateWorkloadEntry), the checks a
// cluster running istiod's validating webhook applies beyond the CRD schema, in istiod's order and words.
import { isRecord } from "../object-util";
import { fqdnError, ipSubnetError, isIPAddress, portError, portNameError, protocolError, wildcardDomainError, workloadLabelsError } from "./istio-rules";

type Spec = Record<string, unknown>;
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** validateWorkloadEntry: `servicePorts` undefined for a standalone WorkloadEntry (any port name is fine). */
export function workloadEntryErrors(we: Spec, servicePorts: Set<string> | undefined, allowFQDN: boolean): string[] {
  const errors: string[] = [];
  const address = typeof we.address === "string" ? we.address : "";
  if (!address && !we.network) return ["address is required"];
  if (address && !address.startsWith("unix://") && !isIPAddress(address)) {
    if (!allowFQDN) errors.push(`endpoint address ${JSON.stringify(address)} is not a valid IP address`);
    else if (fqdnError(address)) errors.push(`endpoint address ${JSON.stringify(address)} is not a valid FQDN or an IP address`);
  }
  const ports = isRecord(we.ports) ? we.ports : {};
  for (const name of Object.keys(ports).sort()) {
    if (servicePorts && !servicePorts.has(name)) errors.push(`endpoint port ${String(ports[name])} is not defined by the service entry`);
    for (const err of [portNameError(name), portError(ports[name])]) if (err) errors.push(err);
  }
  const labels = workloadLabelsError(we.labels);
  if (labels) errors.push(labels);
  return errors;
}

function hostErrors(hosts: unknown[]): string[] {
  if (hosts.length === 0) return ["service entry must have at least one host"];
  return hosts.flatMap((h) => {
    const host = String(h);
    if (host === "*") return [`invalid host ${host}`];
    const err = wildcardDomainError(host);
    return err ? [err] : [];
  });
}

function portErrors(spec: Spec, names: Set<string>): string[] {
  const errors: string[] = [];
  const numbers = new Set<number>();
  for (const p of list(spec.ports)) {
    if (!isRecord(p)) {
      errors.push("service entry port may not be null");
      continue;
    }
    const name = typeof p.name === "string" ? p.name : "";
    const number = typeof p.number === "number" ? p.number : 0;
    if (names.has(name)) errors.push(`service entry port name ${JSON.stringify(name)} already defined`);
    names.add(name);
    if (numbers.has(number)) errors.push(`service entry port ${number} already defined`);
    numbers.add(number);
    if (typeof p.targetPort === "number" && p.targetPort !== 0) {
      const err = portError(p.targetPort);
      if (err) errors.push(err);
    }
    for (const err of [portNameError(name), protocolError(p.protocol), portError(number)]) if (err) errors.push(err);
  }
  return errors;
}

function resolutionErrors(spec: Spec, names: Set<string>): string[] {
  const resolution = spec.resolution ?? "NONE";
  const endpoints = list(spec.endpoints);
  const errors: string[] = [];
  if (resolution === "NONE") {
    if (endpoints.length > 0) errors.push("no endpoints should be provided for resolution type none");
  } else if (resolution === "STATIC") {
    for (const e of endpoints) errors.push(...(isRecord(e) ? workloadEntryErrors(e, names, false) : ["endpoint cannot be nil"]));
  } else if (resolution === "DNS" || resolution === "DNS_ROUND_ROBIN") {
    if (endpoints.length === 0) {
      for (const h of list(spec.hosts)) {
        if (fqdnError(String(h))) errors.push(`hosts must be FQDN if no endpoints are provided for resolution mode ${String(resolution)}`);
      }
    }
    if (resolution === "DNS_ROUND_ROBIN" && endpoints.length > 1) errors.push(`there must only be 0 or 1 endpoint for resolution mode ${resolution}`);
    for (const e of endpoints) errors.push(...(isRecord(e) ? workloadEntryErrors(e, names, true) : ["endpoint cannot be nil"]));
  }
  return errors;
}

export function serviceEntryErrors(spec: Spec): string[] {
  const errors: string[] = [];
  if (spec.workloadSelector !== undefined && list(spec.endpoints).length > 0) {
    errors.push("only one of WorkloadSelector or Endpoints is allowed in Service Entry");
  }
  errors.push(...hostErrors(list(spec.hosts)));
  const addresses = list(spec.addresses).map(String);
  for (const a of addresses) {
    const err = ipSubnetError(a);
    if (err) errors.push(err);
  }
  const resolution = spec.resolution ?? "NONE";
  if (addresses.some((a) => a.includes("/")) && resolution !== "NONE" && resolution !== "STATIC") {
    errors.push("CIDR addresses are allowed only for NONE/STATIC resolution types");
  }
  const names = new Set<string>();
  errors.push(...portErrors(spec, names));
  errors.push(...resolutionErrors(spec, names));
  const hosts = list(spec.hosts);
  if (resolution !== "NONE" && hosts.length > 1 && list(spec.ports).some((p) => isRecord(p) && !/^(https?|http2|grpc|grpc-web|tls)$/i.test(String(p.protocol ?? "")))) {
    errors.push("multiple hosts provided with non-HTTP, non-TLS ports");
  }
  return errors;
}
