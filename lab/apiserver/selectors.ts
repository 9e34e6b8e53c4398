// labelSelector and fieldSelector, as k8s.io/apimachinery/pkg/labels and pkg/fields parse and match them.
import { getPath } from "./object-util";
import { badRequest } from "./status";
import type { KubeObject, ResourceType } from "./types";

export type Predicate = (object: KubeObject) => boolean;

type Op = "=" | "!=" | "in" | "notin" | "exists" | "!" | ">" | "<";
interface Requirement {
  key: string;
  op: Op;
  values: string[];
}

const KEY = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** Splits on commas outside parentheses ("a in (x,y),b" → two requirements). */
function splitTerms(selector: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of selector) {
    if (ch === "(") depth += 1;
    if (ch === ")") depth -= 1;
    if (ch === "," && depth === 0) {
      terms.push(current);
      current = "";
    } else current += ch;
  }
  terms.push(current);
  return terms.map((t) => t.trim()).filter((t) => t !== "");
}

function parseTerm(term: string): Requirement {
  const set = /^(\S+)\s+(in|notin)\s*\((.*)\)$/.exec(term);
  if (set) return { key: set[1] ?? "", op: set[2] === "in" ? "in" : "notin", values: (set[3] ?? "").split(",").map((v) => v.trim()) };
  if (term.startsWith("!")) return { key: term.slice(1).trim(), op: "!", values: [] };
  const cmp = /^([^!=<>\s]+)\s*(==|=|!=|>|<)\s*(.*)$/.exec(term);
  if (cmp) {
    const op = cmp[2] === "==" ? "=" : (cmp[2] as Op);
    return { key: cmp[1] ?? "", op, values: [(cmp[3] ?? "").trim()] };
  }
  return { key: term, op: "exists", values: [] };
}

function validate(req: Requirement): void {
  if (!KEY.test(req.key)) {
    throw badRequest(`unable to parse requirement: <nil>: Invalid value: "${req.key}": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`);
  }
  for (const value of req.values) {
    if (!VALUE.test(value)) {
      throw badRequest(`unable to parse requirement: values[0][${req.key}]: Invalid value: "${value}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`);
    }
  }
  if ((req.op === ">" || req.op === "<") && !/^-?\d+$/.test(req.values[0] ?? "")) {
    throw badRequest(`unable to parse requirement: for 'Gt', 'Lt' operators, the value must be an integer`);
  }
}

function matches(req: Requirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, req.key);
  const value = labels[req.key];
  switch (req.op) {
    case "=": return has && value === req.values[0];
    case "!=": return !has || value !== req.values[0];
    case "in": return has && req.values.includes(value ?? "");
    case "notin": return !has || !req.values.includes(value ?? "");
    case "exists": return has;
    case "!": return !has;
    case ">": return has && Number(value) > Number(req.values[0]);
    case "<": return has && Number(value) < Number(req.values[0]);
  }
}

export function parseLabelSelector(selector: string | null): Predicate {
  if (!selector) return () => true;
  const reqs = splitTerms(selector).map(parseTerm);
  reqs.forEach(validate);
  return (object) => reqs.every((req) => matches(req, object.metadata.labels ?? {}));
}

// Field labels each built-in kind supports beyond metadata.name/namespace (its registry's GetAttrs).
const EXTRA_FIELDS: Record<string, string[]> = {
  "/Pod": ["spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName", "status.phase", "status.podIP", "status.nominatedNodeName"],
  "/Event": ["involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid", "involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath", "reason", "reportingComponent", "source", "type"],
  "/Namespace": ["status.phase"],
  "/Node": ["spec.unschedulable"],
  "/Secret": ["type"],
  "/Service": ["spec.clusterIP", "spec.type"],
};

function supportedFields(type: ResourceType): string[] {
  const base = type.namespaced ? ["metadata.name", "metadata.namespace"] : ["metadata.name"];
  return [...base, ...(EXTRA_FIELDS[`${type.group}/${type.kind}`] ?? [])];
}

export function parseFieldSelector(type: ResourceType, selector: string | null): Predicate {
  if (!selector) return () => true;
  const allowed = supportedFields(type);
  const reqs = splitTerms(selector).map((term) => {
    const m = /^([^!=\s]+)\s*(==|=|!=)\s*(.*)$/.exec(term);
    if (!m) throw badRequest(`invalid selector: '${selector}'; can't understand '${term}'`);
    const field = m[1] ?? "";
    if (!allowed.includes(field)) throw badRequest(`field label not supported: ${field}`);
    return { field, negate: m[2] === "!=", value: (m[3] ?? "").trim() };
  });
  return (object) => reqs.every(({ field, negate, value }) => {
    const actual = getPath(object, field);
    const text = actual === undefined || actual === null ? "" : String(actual);
    return negate ? text !== value : text === value;
  });
}
