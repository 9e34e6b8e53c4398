// YAML for display, copy and diff. Key order is stable whatever order the JSON came in (the API server's, a
// builder's): apiVersion, kind, metadata (name, namespace, labels, annotations, then the rest), spec, status,
// then any other top-level key; every other mapping is sorted by key. Equal objects therefore render
// byte-identically, which is what makes a line diff of live vs applied meaningful.
import { stringify } from "yaml";

const TOP = ["apiVersion", "kind", "metadata", "spec", "status"];
const META = ["name", "namespace", "labels", "annotations"];

type Plain = { [key: string]: unknown };

const isPlain = (v: unknown): v is Plain => typeof v === "object" && v !== null && !Array.isArray(v);

function byKey(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function ordered(obj: Plain, first: readonly string[], nested: (v: unknown) => unknown): Plain {
  const rank = (k: string) => (first.includes(k) ? first.indexOf(k) : first.length);
  const keys = Object.keys(obj).sort((a, b) => rank(a) - rank(b) || byKey(a, b));
  return Object.fromEntries(keys.filter((k) => obj[k] !== undefined).map((k) => [k, nested(obj[k])]));
}

/** Deep copy with every mapping's keys sorted (arrays keep their order: it is meaningful in Kubernetes). */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  return isPlain(value) ? ordered(value, [], sortKeys) : value;
}

export function renderYaml(object: object): string {
  const top = ordered({ ...object }, TOP, (v) => v);
  const out: Plain = {};
  for (const [k, v] of Object.entries(top)) out[k] = k === "metadata" && isPlain(v) ? ordered(v, META, sortKeys) : sortKeys(v);
  return stringify(out, { lineWidth: 0, indentSeq: true });
}

/** Several objects as one multi-document YAML stream. */
export function renderYamlStream(objects: readonly object[]): string {
  return objects.map(renderYaml).join("---\n");
}
