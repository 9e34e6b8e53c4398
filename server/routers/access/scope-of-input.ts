// What a procedure's raw input names, for the role gate. The gate runs before the procedure's own input schema (so
// a refused person learns nothing from validation errors), hence it reads the raw input through this loose, bounded
// schema: a string `workspace` names a workspace (the workspace router's inputs), with the clusters it writes to
// (`clusters`, or `cluster`, bounded exactly as the procedures bound them, so what the gate judges is what the
// procedure will use, or the procedure refuses the input as malformed); otherwise a string `cluster` and
// `namespace` name a namespace of a cluster (the drills router's inputs); anything else names the whole fleet, for
// which only a global role counts. Input the procedure would refuse as malformed is at worst judged fleet-wide.
import { z } from "zod";
import { MAX_CLUSTERS, MAX_NAME_LENGTH } from "@/lib/validation/limits";
import type { AccessScope, ClusterTargets } from "./access-decision";

const bounded = z.string().min(1).max(MAX_NAME_LENGTH);
const scopeFields = z.object({ workspace: bounded.optional(), cluster: bounded.optional(), namespace: bounded.optional() });
const clusterList = z.array(z.string().max(MAX_NAME_LENGTH)).max(MAX_CLUSTERS);

function targetsOf(raw: Record<string, unknown>, cluster: string | undefined): ClusterTargets | undefined {
  const clusters = clusterList.safeParse(raw.clusters);
  if (clusters.success) return { field: "clusters", names: clusters.data };
  return cluster === undefined ? undefined : { field: "cluster", names: [cluster] };
}

export function scopeOfInput(raw: unknown): AccessScope {
  if (typeof raw !== "object" || raw === null) return { kind: "fleet" };
  // Each field on its own: a bad `workspace` must not hide a good cluster and namespace, nor the reverse.
  const field = (name: keyof z.infer<typeof scopeFields>) => {
    const parsed = scopeFields.shape[name].safeParse((raw as Record<string, unknown>)[name]);
    return parsed.success ? parsed.data : undefined;
  };
  const workspace = field("workspace");
  const cluster = field("cluster");
  if (workspace !== undefined) {
    const targets = targetsOf(raw as Record<string, unknown>, cluster);
    return { kind: "workspace", workspace, ...(targets ? { targets } : {}) };
  }
  const namespace = field("namespace");
  if (cluster !== undefined && namespace !== undefined) return { kind: "namespace", cluster, namespace };
  return { kind: "fleet" };
}
