// Writes type-table.json: the field names and types of the built-in kinds the lab serves, taken from the
// Kubernetes OpenAPI model as @kubernetes/client-node generates it (each model's attributeTypeMap). A dev-time
// step (`npx tsx lab/apiserver/schema/builtin/generate.ts`), so the lab itself never loads the client library.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import * as k8s from "@kubernetes/client-node";

/** The lab's built-in kinds, by group/kind, and the model that describes each. */
export const ROOTS: Record<string, string> = {
  "/Namespace": "V1Namespace", "/Node": "V1Node", "/Service": "V1Service", "/Endpoints": "V1Endpoints", "/Pod": "V1Pod",
  "/Event": "CoreV1Event", "/ConfigMap": "V1ConfigMap", "/Secret": "V1Secret", "/ServiceAccount": "V1ServiceAccount",
  "apps/Deployment": "V1Deployment", "apps/ReplicaSet": "V1ReplicaSet", "discovery.k8s.io/EndpointSlice": "V1EndpointSlice",
  "coordination.k8s.io/Lease": "V1Lease", "networking.k8s.io/NetworkPolicy": "V1NetworkPolicy", "policy/PodDisruptionBudget": "V1PodDisruptionBudget",
  "rbac.authorization.k8s.io/Role": "V1Role", "rbac.authorization.k8s.io/ClusterRole": "V1ClusterRole",
  "rbac.authorization.k8s.io/RoleBinding": "V1RoleBinding", "rbac.authorization.k8s.io/ClusterRoleBinding": "V1ClusterRoleBinding",
};

type Attribute = { baseName: string; type: string; format: string };
type Model = { attributeTypeMap?: Attribute[] };

const models = k8s as unknown as Record<string, Model | undefined>;
const table: Record<string, Record<string, string>> = {};

/** The model names a type string mentions ("Array<V1Container>", "{ [key: string]: V1X; }"). */
const mentioned = (type: string): string[] => [...type.matchAll(/[A-Z][A-Za-z0-9]+/g)].map((m) => m[0]).filter((n) => models[n]?.attributeTypeMap);

function visit(name: string): void {
  if (table[name]) return;
  const attributes = models[name]?.attributeTypeMap ?? [];
  table[name] = {};
  for (const a of attributes) {
    table[name][a.baseName] = a.format && a.type === "number" ? `number:${a.format}` : a.type;
    for (const child of mentioned(a.type)) visit(child);
  }
}

for (const model of Object.values(ROOTS)) visit(model);
writeFileSync(join(import.meta.dirname, "type-table.json"), `${JSON.stringify({ roots: ROOTS, types: table }, null, 1)}\n`);
