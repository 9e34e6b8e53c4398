// The building blocks of istiod's config validation (istio.io/istio pkg/config/validation and its agent package):
// port numbers and names, protocols, DNS names with an optional leading wildcard, IP addresses, each returning
// istiod's own error text (a plain string: istiod's errors are fmt.Errorf values, not field errors).
import { isIP } from "node:net";

/** agent.ValidatePort. */
export function portError(port: unknown): string | undefined {
  const n = typeof port === "number" ? port : 0;
  return n >= 1 && n <= 65535 ? undefined : `port number ${n} must be in the range 1..65535`;
}

const LABEL = /^[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?$/;
const WILDCARD_LABEL = /^(?:\*|(?:\*|\*-)?[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?)$/;

const isLabel = (value: string) => value.length <= 63 && LABEL.test(value);

/** ValidatePortName: a DNS-1123 label. */
export function portNameError(name: unknown): string | undefined {
  const value = typeof name === "string" ? name : "";
  return isLabel(value) ? undefined : `invalid port name: ${value}`;
}

// protocol.Parse: case-insensitive names; anything else is Unsupported.
const PROTOCOLS = new Set(["tcp", "udp", "grpc", "grpc-web", "http", "http_proxy", "http2", "https", "tls", "mongo", "redis", "mysql"]);

export function knownProtocol(value: unknown): boolean {
  return typeof value === "string" && PROTOCOLS.has(value.toLowerCase());
}

/** ValidateProtocol: empty means sniffing, which is allowed. */
export function protocolError(value: unknown): string | undefined {
  if (value === undefined || value === "") return undefined;
  return knownProtocol(value) ? undefined : `unsupported protocol: ${String(value)}`;
}

export const isTLSProtocol = (value: unknown) => typeof value === "string" && ["https", "tls"].includes(value.toLowerCase());

function dns1123LabelsError(domain: string): string | undefined {
  const parts = domain.split(".");
  const top = parts[parts.length - 1] ?? "";
  if (/^-?\d+$/.test(top)) return `domain name ${JSON.stringify(domain)} invalid (top level domain ${JSON.stringify(top)} cannot be all-numeric)`;
  for (const [i, label] of parts.entries()) {
    if (i === parts.length - 1 && label === "") return undefined;
    if (!isLabel(label)) return `domain name ${JSON.stringify(domain)} invalid (label ${JSON.stringify(label)} invalid)`;
  }
  return undefined;
}

/** agent.ValidateWildcardDomain: a DNS name whose first label may be a wildcard. */
export function wildcardDomainError(domain: string): string | undefined {
  if (domain.length > 255) return `domain name ${JSON.stringify(domain)} too long (max 255)`;
  if (domain.length === 0) return "empty domain name not allowed";
  const dot = domain.indexOf(".");
  const first = dot < 0 ? domain : domain.slice(0, dot);
  if (!(first.length <= 63 && WILDCARD_LABEL.test(first))) return `domain name ${JSON.stringify(domain)} invalid (label ${JSON.stringify(first)} invalid)`;
  return dot < 0 ? undefined : dns1123LabelsError(domain.slice(dot + 1));
}

/** agent.ValidateIPSubnet: an address, or a CIDR whose address part is one. */
export function ipSubnetError(value: string): string | undefined {
  const [address = "", bits, ...extra] = value.split("/");
  if (bits === undefined) return isIP(address) ? undefined : `${value} is not a valid IP`;
  const max = isIP(address) === 6 ? 128 : 32;
  const ok = isIP(address) !== 0 && extra.length === 0 && /^\d+$/.test(bits) && Number(bits) <= max;
  return ok ? undefined : `${JSON.stringify(value)} is not a valid CIDR`;
}

export const isIPAddress = (value: string) => isIP(value) !== 0;

/** agent.ValidateFQDN: a DNS name of labels, at least two of them (no wildcard). */
export function fqdnError(value: string): string | undefined {
  if (value.length > 255) return `domain name ${JSON.stringify(value)} too long (max 255)`;
  if (value.length === 0) return "empty domain name not allowed";
  const err = dns1123LabelsError(value);
  if (err) return err;
  return value.replace(/\.$/, "").split(".").length < 2 ? `domain name ${JSON.stringify(value)} should be fully qualified` : undefined;
}

/** labels.Instance.Validate: keys qualified names, values label values (istiod's own wording). */
export function workloadLabelsError(labels: unknown): string | undefined {
  if (!labels || typeof labels !== "object") return undefined;
  for (const [k, v] of Object.entries(labels as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!/^([a-zA-Z0-9][-a-zA-Z0-9_.]*)?[a-zA-Z0-9](\/([a-zA-Z0-9][-a-zA-Z0-9_.]*)?[a-zA-Z0-9])?$/.test(k)) return `invalid tag key: ${JSON.stringify(k)}`;
    if (!/^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/.test(String(v)) || String(v).length > 63) return `invalid tag value: ${JSON.stringify(String(v))}`;
  }
  return undefined;
}
