// The CEL rules (x-kubernetes-validations) of the Istio CRDs the lab serves, evaluated by what each rule says
// rather than by a CEL interpreter: the lab knows these rule texts exactly (its schemas carry them, and a real
// cluster's CRDs carry the same), and reports an unknown rule as not evaluated, as a cluster without the
// CRDValidationRules feature would. `self` is the value at the node; `has(self.x)` means the field is present.
import { isRecord } from "../object-util";

type Rule = (self: unknown) => boolean;

const field = (self: unknown, name: string): unknown => (isRecord(self) ? self[name] : undefined);
const has = (self: unknown, name: string): boolean => field(self, name) !== undefined;
const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const resolution = (self: unknown, fallback: string): string => (has(self, "resolution") ? String(field(self, "resolution")) : fallback);
const portInRange = (self: unknown) => typeof self === "number" && 0 < self && self <= 65535;

// Go's time.ParseDuration syntax (what CEL's duration() accepts): a sequence of decimal numbers with units.
const DURATION = /^[-+]?((\d+(\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h))+$/;
const UNIT_NS: Record<string, number> = { ns: 1, us: 1e3, "µs": 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };

function durationNs(text: string): number | undefined {
  if (!DURATION.test(text)) return undefined;
  let total = 0;
  for (const m of text.matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/g)) total += Number(m[1]) * (UNIT_NS[m[2] ?? "s"] ?? 0);
  return text.startsWith("-") ? -total : total;
}

export const RULES: Record<string, Rule> = {
  "(has(self.workloadSelector) ? 1 : 0) + (has(self.endpoints) ? 1 : 0) <= 1": (self) => Number(has(self, "workloadSelector")) + Number(has(self, "endpoints")) <= 1,
  "!((has(self.addresses) ? self.addresses : []).exists(k, k.contains('/')) && !((has(self.resolution) ? self.resolution : 'NONE') in ['STATIC', 'NONE']))": (self) =>
    !(listOf(field(self, "addresses")).some((a) => String(a).includes("/")) && !["STATIC", "NONE"].includes(resolution(self, "NONE"))),
  "((has(self.resolution) ? self.resolution : 'NONE') == 'NONE') ? !has(self.endpoints) : true": (self) => (resolution(self, "NONE") === "NONE" ? !has(self, "endpoints") : true),
  "((has(self.resolution) ? self.resolution : '') == 'DNS_ROUND_ROBIN') ? ((has(self.endpoints) ? self.endpoints : []).size() <= 1) : true": (self) =>
    resolution(self, "") === "DNS_ROUND_ROBIN" ? listOf(field(self, "endpoints")).length <= 1 : true,
  "self != '*'": (self) => self !== "*",
  "!self.contains('*')": (self) => typeof self !== "string" || !self.includes("*"),
  "self.all(key, !key.contains('*'))": (self) => !isRecord(self) || Object.keys(self).every((k) => !k.includes("*")),
  "self.all(l1, self.exists_one(l2, l1.number == l2.number))": (self) => {
    const numbers = listOf(self).map((p) => field(p, "number"));
    return numbers.every((n) => numbers.filter((m) => m === n).length === 1);
  },
  "0 < self && self <= 65535": portInRange,
  "self.all(key, 0 < self[key] && self[key] <= 65535)": (self) => !isRecord(self) || Object.values(self).every(portInRange),
  "has(self.address) || has(self.network)": (self) => has(self, "address") || has(self, "network"),
  "(has(self.address) ? self.address : '').startsWith('unix://') ? !has(self.ports) : true": (self) =>
    String(field(self, "address") ?? "").startsWith("unix://") ? !has(self, "ports") : true,
  "duration(self) >= duration('1ms')": (self) => {
    const ns = typeof self === "string" ? durationNs(self) : undefined;
    return ns !== undefined && ns >= 1e6;
  },
};

/** true/false when the lab knows `rule`; undefined when it does not (the rule is then not enforced). */
export function celRuleHolds(rule: string, self: unknown): boolean | undefined {
  const check = RULES[rule];
  return check ? check(self) : undefined;
}
