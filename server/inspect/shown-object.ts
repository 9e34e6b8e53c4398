// One object as the side panel shows it: its live YAML from the fleet cache, its conditions, and whether the
// console's registry wrote it. `metadata.managedFields` is dropped (the cache keeps only who wrote the object, which
// the "generated" mark says better) and no Secret's data is ever shown: the cache never holds Secrets, and this
// refuses them again so a future kind cannot leak one.
import type { CachedObject } from "@/lib/fleet/snapshot-types";
import { renderYaml } from "@/lib/manifests/render";
import { MANAGED_BY_LABEL, MANAGED_BY_VALUE } from "@/lib/plan/desired";
import { managersOf, REGISTRY_MANAGER_ENTRY } from "@/lib/registry/ownership";
import { EVENT_KINDS } from "./events";
import type { ObjectCondition, ShownObject } from "./types";

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec | undefined => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Rec) : undefined);
const text = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

const SECRET_FIELDS = new Set(["data", "stringData"]);

/** The object without managedFields, and without a Secret's data. */
export function displayable(o: CachedObject): Rec {
  const metadata: Rec = { ...o.metadata };
  delete metadata.managedFields;
  const entries = Object.entries(o).filter(([k]) => !(o.kind === "Secret" && SECRET_FIELDS.has(k)));
  return { ...Object.fromEntries(entries), metadata };
}

/** `status.conditions` (Deployments, Pods, IngressGateways, …) as a list a person can read. */
export function conditionsOf(o: CachedObject): ObjectCondition[] {
  const list = rec(o.status)?.conditions;
  if (!Array.isArray(list)) return [];
  return list.flatMap((c): ObjectCondition[] => {
    const r = rec(c);
    const type = text(r?.type);
    const status = text(r?.status);
    if (!r || !type || !status) return [];
    const reason = text(r.reason);
    const message = text(r.message);
    const since = text(r.lastTransitionTime);
    return [{ type, status, ...(reason ? { reason } : {}), ...(message ? { message } : {}), ...(since ? { since } : {}) }];
  });
}

/** The label and the registry's field manager together: what the console's own generated objects carry. */
const generatedByConsole = (o: CachedObject) => o.metadata.labels?.[MANAGED_BY_LABEL] === MANAGED_BY_VALUE && managersOf(o.metadata.managedFields).includes(REGISTRY_MANAGER_ENTRY);

export function shownObject(cluster: string, o: CachedObject, role: string): ShownObject {
  const namespace = o.metadata.namespace;
  return {
    cluster,
    kind: o.kind,
    ...(namespace ? { namespace } : {}),
    name: o.metadata.name,
    role,
    yaml: renderYaml(displayable(o)),
    conditions: conditionsOf(o),
    generated: generatedByConsole(o),
    events: namespace !== undefined && (EVENT_KINDS as readonly string[]).includes(o.kind),
  };
}
