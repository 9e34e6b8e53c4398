// Structural schemas of the built-in kinds, built from type-table.json (the Kubernetes OpenAPI model's field names
// and types; see generate.ts): what the typed decoder knows, so fieldValidation can name and drop unknown fields
// of built-in kinds as upstream's strict decoder does. Only names and shapes matter here (pruning); the kinds' value
// rules are lab/apiserver/validation's.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { ResourceType } from "../../types";
import type { StructuralSchema } from "../structural";

const tableSchema = z.object({ roots: z.record(z.string(), z.string()), types: z.record(z.string(), z.record(z.string(), z.string())) });
type Table = z.infer<typeof tableSchema>;

let table: Table | undefined;
const built = new Map<string, StructuralSchema>();

function load(): Table {
  table ??= tableSchema.parse(JSON.parse(readFileSync(fileURLToPath(new URL("./type-table.json", import.meta.url)), "utf8")));
  return table;
}

/** One attribute type ("Array<V1Container>", "{ [key: string]: string; }", "number:int32", "IntOrString" …). */
function schemaOf(type: string, types: Table["types"]): StructuralSchema {
  const array = /^Array<(.+)>$/.exec(type);
  if (array?.[1]) return { type: "array", items: schemaOf(array[1], types) };
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (map?.[1]) return { type: "object", additionalProperties: schemaOf(map[1], types) };
  if (type === "string" || type === "Date") return { type: "string" };
  if (type === "boolean") return { type: "boolean" };
  if (type.startsWith("number:int")) return { type: "integer" };
  if (type.startsWith("number")) return { type: "number" };
  if (type === "IntOrString") return { "x-kubernetes-int-or-string": true };
  const fields = types[type];
  if (!fields) return { "x-kubernetes-preserve-unknown-fields": true };
  return modelSchema(type, types);
}

// Models are shared subtrees (a PodSpec under Pods, Deployments and ReplicaSets): built once each. No built-in
// model the lab serves refers to itself.
function modelSchema(name: string, types: Table["types"]): StructuralSchema {
  const known = built.get(name);
  if (known) return known;
  const schema: StructuralSchema = { type: "object", properties: {} };
  built.set(name, schema);
  for (const [field, type] of Object.entries(types[name] ?? {})) (schema.properties ?? {})[field] = schemaOf(type, types);
  return schema;
}

/** The schema of a built-in kind (undefined for custom kinds and kinds outside the table, such as CRDs). */
export function builtinSchema(type: ResourceType): StructuralSchema | undefined {
  if (type.custom) return undefined;
  const { roots, types } = load();
  const model = roots[`${type.group}/${type.kind}`];
  return model ? modelSchema(model, types) : undefined;
}
