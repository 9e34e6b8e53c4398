// The adapter to TSB's own Kubernetes CRD form of a WorkspaceSetting (`tsb.tetrate.io/v2`, domain.md §2), kept
// in this one file. Differences from the seed form the product models:
// - the workspace is named by annotations (`tsb.tetrate.io/organization|tenant|workspace`), not spec.workspace;
// - `defaultEastWestGatewaySettings` is a list of `{workloadSelector: {namespace, labels}, exposedServices}`,
//   first match wins: one entry per namespace the workspace's gateways live in (sorted), all alike;
// - services are chosen by `serviceLabels`, not by FQDN. TSB ANDs the labels of one selector and ORs the
//   selectors, and a selector cannot name a namespace, so each FQDN maps to the first label set, among its
//   single labels (app, service, app.kubernetes.io/name first, then the rest by key) and finally all its labels,
//   that the service carries in every cluster running it and that no other service of the workspace carries.
//   Without such a set the FQDN cannot be expressed and is reported as a field error, never widened.
import { exposedServices, workspaceServices, type ExposedService } from "@/lib/plan/exposure";
import { selectorMatches, servingGateway } from "@/lib/plan/gateways";
import { uniqueSorted, type JsonObject } from "@/lib/plan/json";
import type { FieldError } from "@/lib/validation/field-error";
import type { WorkspaceContext } from "@/lib/validation/workspace-lookup";
import type { Manifest } from "./manifest";
import { targetLabels, type SettingTarget } from "./workspace-setting-target";

export const TSB_API_VERSION = "tsb.tetrate.io/v2";
export const TSB_ORGANIZATION_ANNOTATION = "tsb.tetrate.io/organization";
export const TSB_TENANT_ANNOTATION = "tsb.tetrate.io/tenant";
export const TSB_WORKSPACE_ANNOTATION = "tsb.tetrate.io/workspace";

/** The Workspace's place in TSB's hierarchy, read by the caller from the Workspace object's annotations. */
export type TsbParent = { organization: string; tenant: string };

export function tsbParentOf(annotations: Readonly<Record<string, string>> | undefined): TsbParent | undefined {
  const organization = annotations?.[TSB_ORGANIZATION_ANNOTATION];
  const tenant = annotations?.[TSB_TENANT_ANNOTATION];
  return organization && tenant ? { organization, tenant } : undefined;
}

const PREFERRED = ["app", "service", "app.kubernetes.io/name"];
const preference = (k: string) => (PREFERRED.includes(k) ? PREFERRED.indexOf(k) : PREFERRED.length);
const describe = (labels: Record<string, string>) => Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(", ");

/**
 * The workspace's services and, per `key=value` label, the FQDNs with an instance carrying it. Built once per
 * request, so choosing labels for N services costs N lookups instead of N scans of every service.
 */
export type LabelIndex = { services: ReadonlyMap<string, ExposedService>; carriers: ReadonlyMap<string, readonly string[]> };

export function labelIndexOf(ctx: WorkspaceContext): LabelIndex {
  const services = workspaceServices(ctx.scope, ctx.clusters);
  const carriers = new Map<string, string[]>();
  for (const s of services.values()) {
    const pairs = new Set(s.instances.flatMap((i) => Object.entries(i.service.labels).map(([k, v]) => `${k}=${v}`)));
    for (const pair of pairs) {
      const list = carriers.get(pair);
      if (list) list.push(s.fqdn);
      else carriers.set(pair, [s.fqdn]);
    }
  }
  return { services, carriers };
}

/** Another service with an instance that `sel` selects: only the carriers of sel's rarest label are looked at. */
function clashOf(sel: Record<string, string>, fqdn: string, index: LabelIndex): ExposedService | undefined {
  const lists = Object.entries(sel).map(([k, v]) => index.carriers.get(`${k}=${v}`) ?? []);
  const rarest = lists.reduce<readonly string[] | undefined>((a, b) => (a === undefined || b.length < a.length ? b : a), undefined) ?? [];
  for (const other of rarest) {
    const service = other === fqdn ? undefined : index.services.get(other);
    if (service?.instances.some((i) => selectorMatches(sel, i.service.labels))) return service;
  }
  return undefined;
}

/** The label set selecting exactly `fqdn` among the workspace's services, or a field error. */
export function serviceLabelsFor(field: string, fqdn: string, ctx: WorkspaceContext, index = labelIndexOf(ctx)): { labels: Record<string, string> } | { error: FieldError } {
  const instances = index.services.get(fqdn)?.instances ?? [];
  const [first, ...rest] = instances.map((i) => i.service.labels);
  const common = Object.entries(first ?? {}).filter(([k, v]) => rest.every((l) => l[k] === v));
  const singles = [...common].sort(([a], [b]) => preference(a) - preference(b) || (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => ({ [k]: v }));
  const candidates = common.length > 1 ? [...singles, Object.fromEntries(common)] : singles;
  const clash = (sel: Record<string, string>) => clashOf(sel, fqdn, index);
  const unique = candidates.find((sel) => clash(sel) === undefined);
  if (unique) return { labels: unique };
  const ref = fqdn.split(".");
  const why = common.length === 0
    ? "it has no label that is the same in every cluster running it"
    : `its labels (${describe(Object.fromEntries(common))}) also select ${clash(Object.fromEntries(common))?.fqdn ?? "another service"}`;
  const fix = `kubectl label svc ${ref[0] ?? ""} -n ${ref[1] ?? ""} eastwest-console.io/expose=${ref[0] ?? ""} in every cluster, or expose all`;
  return { error: { field, message: `${fqdn} cannot be chosen in TSB's WorkspaceSetting, which selects services by labels: ${why}; add a distinguishing label (${fix}).` } };
}

/**
 * Namespaces of the gateways serving the workspace (the workspace's namespace when none is deployed yet). Only
 * which gateway serves is read, never its addresses, so the address checks (`allowLoopback`) change nothing here.
 */
function gatewayNamespaces(target: SettingTarget, ctx: WorkspaceContext): string[] {
  const namespaces = uniqueSorted(exposedServices(ctx.workspace, ctx.scope, ctx.clusters).services.map((s) => s.namespace));
  const found = ctx.clusters
    .filter((c) => ctx.scope.has(c.name))
    .flatMap((cluster) => servingGateway({ workspace: target.workspace, selector: target.workloadSelector, cluster, namespaces, resolved: {}, allowLoopback: true, needed: false }).serving ?? [])
    .map((s) => s.gateway.namespace);
  return found.length > 0 ? uniqueSorted(found) : [target.namespace];
}

export function tsbWorkspaceSetting(args: { target: SettingTarget; parent: TsbParent; ctx: WorkspaceContext; serviceLabels?: Record<string, string>[] }): Manifest {
  const { target, parent } = args;
  const exposed: JsonObject = args.serviceLabels ? { exposedServices: args.serviceLabels.map((labels): JsonObject => ({ serviceLabels: labels })) } : {};
  const entries = gatewayNamespaces(target, args.ctx).map((namespace): JsonObject => ({ workloadSelector: { namespace, labels: target.workloadSelector }, ...exposed }));
  const annotations = { [TSB_ORGANIZATION_ANNOTATION]: parent.organization, [TSB_TENANT_ANNOTATION]: parent.tenant, [TSB_WORKSPACE_ANNOTATION]: target.workspace };
  return {
    apiVersion: TSB_API_VERSION,
    kind: "WorkspaceSetting",
    metadata: { name: target.name, namespace: target.namespace, ...targetLabels(target), annotations },
    spec: { defaultEastWestGatewaySettings: entries },
  };
}
