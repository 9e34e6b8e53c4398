// NetworkPolicy validation (pkg/apis/networking/validation: ValidateNetworkPolicySpec): selectors, ports (protocol,
// number or IANA name, endPort), peers (one kind each; ipBlock alone) and policyTypes (Ingress/Egress).
import { isRecord } from "../object-util";
import type { FieldError } from "../status";
import type { KubeObject } from "../types";
import { goSimple, inclusiveRange, invalidField, notSupported, required } from "./go-values";
import { labelSelectorErrors } from "./selector";

const PROTOCOLS = ["SCTP", "TCP", "UDP"];
const POLICY_TYPES = ["Egress", "Ingress"];
const IANA_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

function portErrors(port: Record<string, unknown>, at: string): FieldError[] {
  const errors: FieldError[] = [];
  if (port.protocol !== undefined && !PROTOCOLS.includes(String(port.protocol))) errors.push(notSupported(`${at}.protocol`, port.protocol, PROTOCOLS));
  const p = port.port;
  if (typeof p === "number" && (p < 1 || p > 65535)) errors.push(invalidField(`${at}.port`, goSimple(p), inclusiveRange(1, 65535)));
  if (typeof p === "string" && (p.length > 15 || !IANA_NAME.test(p) || !/[a-z]/.test(p))) {
    errors.push(invalidField(`${at}.port`, goSimple(p), "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)"));
  }
  if (port.endPort !== undefined) {
    if (typeof p !== "number") errors.push(invalidField(`${at}.endPort`, goSimple(port.endPort), "may not be specified when `port` is non-numeric"));
    else if (typeof port.endPort === "number" && port.endPort < p) errors.push(invalidField(`${at}.endPort`, goSimple(port.endPort), "must be greater than or equal to `port`"));
  }
  return errors;
}

function peerErrors(peer: Record<string, unknown>, at: string): FieldError[] {
  const kinds = ["podSelector", "namespaceSelector", "ipBlock"].filter((k) => peer[k] !== undefined);
  if (kinds.length === 0) return [required(at, "must specify a peer")];
  if (peer.ipBlock !== undefined && kinds.length > 1) return [{ field: at, reason: "FieldValueForbidden", detail: "Forbidden: may not specify both ipBlock and another peer" }];
  const errors: FieldError[] = [];
  for (const k of ["podSelector", "namespaceSelector"]) if (isRecord(peer[k])) errors.push(...labelSelectorErrors(peer[k], `${at}.${k}`));
  if (isRecord(peer.ipBlock) && typeof peer.ipBlock.cidr !== "string") errors.push(required(`${at}.ipBlock.cidr`));
  return errors;
}

function ruleErrors(rules: unknown, path: string, peersField: "from" | "to"): FieldError[] {
  return list(rules).flatMap((rule, i) => {
    const r = isRecord(rule) ? rule : {};
    const at = `${path}[${i}]`;
    return [
      ...list(r.ports).flatMap((p, j) => (isRecord(p) ? portErrors(p, `${at}.ports[${j}]`) : [])),
      ...list(r[peersField]).flatMap((p, j) => (isRecord(p) ? peerErrors(p, `${at}.${peersField}[${j}]`) : [])),
    ];
  });
}

export function validateNetworkPolicy(object: KubeObject): FieldError[] {
  const spec = isRecord(object.spec) ? object.spec : {};
  const errors = isRecord(spec.podSelector) ? labelSelectorErrors(spec.podSelector, "spec.podSelector") : [];
  errors.push(...ruleErrors(spec.ingress, "spec.ingress", "from"), ...ruleErrors(spec.egress, "spec.egress", "to"));
  const types = list(spec.policyTypes);
  types.forEach((t, i) => {
    if (!POLICY_TYPES.includes(String(t))) errors.push(notSupported(`spec.policyTypes[${i}]`, t, POLICY_TYPES));
  });
  if (types.length > 2) errors.push(invalidField("spec.policyTypes", `&${JSON.stringify(types)}`, "may not specify more than two policyTypes"));
  return errors;
}

/** SetDefaults_NetworkPolicy: port protocol TCP; no policyTypes means Ingress, plus Egress when egress rules exist. */
export function defaultNetworkPolicy(object: KubeObject): void {
  if (!isRecord(object.spec)) return;
  const spec = object.spec;
  for (const rule of [...list(spec.ingress), ...list(spec.egress)]) {
    if (isRecord(rule)) for (const port of list(rule.ports)) if (isRecord(port)) port.protocol ??= "TCP";
  }
  if (list(spec.policyTypes).length === 0) spec.policyTypes = list(spec.egress).length > 0 ? ["Ingress", "Egress"] : ["Ingress"];
}
