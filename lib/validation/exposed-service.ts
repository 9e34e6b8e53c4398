// Validates the FQDNs a user wants to expose: each must be `<service>.<namespace>.svc.cluster.local`, in a
// namespace the workspace covers, naming a service that at least one workspace cluster runs (the planner's
// exposure rules: lib/plan/exposure.ts — a gateway's own Service is never a service of the workspace).
// Linear in the request: the workspace's services are gathered once per request, duplicates found with a Set,
// and each namespace's verdict and hint computed once (a 160,000-entry list once took 31 s, mostly here).
import { parseServiceFqdn } from "@/lib/names/fqdn";
import { runsService, workspaceServices, type ExposedService } from "@/lib/plan/exposure";
import { covers } from "@/lib/plan/workspace-scope";
import { quoted, someOf, truncated } from "./bounded-text";
import type { FieldError } from "./field-error";
import { namespaceInWorkspaceError, type WorkspaceContext } from "./workspace-lookup";

/** What every check of one request shares, computed once. */
type Catalog = {
  ctx: WorkspaceContext;
  services: ReadonlyMap<string, ExposedService>;
  /** namespace → why it is outside the workspace ("" when inside), and the hint naming its services. */
  outside: Map<string, string>;
  names: Map<string, string>;
};

function catalogOf(ctx: WorkspaceContext, services: ReadonlyMap<string, ExposedService> = workspaceServices(ctx.scope, ctx.clusters)): Catalog {
  return { ctx, services, outside: new Map(), names: new Map() };
}

function outsideMessage(catalog: Catalog, namespace: string): string {
  let message = catalog.outside.get(namespace);
  if (message === undefined) {
    message = namespaceInWorkspaceError("", namespace, catalog.ctx)?.message ?? "";
    catalog.outside.set(namespace, message);
  }
  return message;
}

/** "services in bookinfo: a, b, … and 9,990 more", computed once per namespace of a request. */
function hintFor(catalog: Catalog, namespace: string): string {
  if (catalog.names.size === 0) {
    const names = new Map<string, string[]>();
    for (const s of catalog.services.values()) {
      const list = names.get(s.namespace);
      if (list) list.push(s.name);
      else names.set(s.namespace, [s.name]);
    }
    for (const [ns, list] of names) catalog.names.set(ns, `services in ${ns}: ${someOf(list)}`);
  }
  return catalog.names.get(namespace) ?? `no service runs in ${namespace} yet`;
}

function check(field: string, fqdn: string, catalog: Catalog): FieldError | undefined {
  const { ctx } = catalog;
  const ref = parseServiceFqdn(fqdn);
  if (!ref) return { field, message: `${quoted(fqdn)} is not a service FQDN; write <service>.<namespace>.svc.cluster.local, e.g. details.bookinfo.svc.cluster.local.` };
  const outside = outsideMessage(catalog, ref.namespace);
  if (outside !== "") return { field, message: `${fqdn}: ${outside}` };
  if (catalog.services.has(fqdn)) return undefined;
  const holders = ctx.clusters.filter((c) => runsService(c, ref));
  if (holders.some((c) => covers(ctx.scope, c.name, ref.namespace))) {
    return { field, message: `${fqdn} is an east-west gateway's own Service; gateways are never exposed, so leave it out.` };
  }
  if (holders.length > 0) {
    const where = someOf(holders.map((c) => c.name));
    return { field, message: `${fqdn} runs only in ${where}, where workspace ${ctx.workspace.name} does not cover namespace ${ref.namespace}; widen the namespaceSelector (e.g. */${ref.namespace}).` };
  }
  return { field, message: `${fqdn} is not a service of workspace ${ctx.workspace.name}: no cluster of it runs that service (${hintFor(catalog, ref.namespace)}); check the name.` };
}

/** The error for one FQDN, or undefined when the workspace can expose it. */
export function exposedServiceError(field: string, fqdn: string, ctx: WorkspaceContext): FieldError | undefined {
  return check(field, fqdn, catalogOf(ctx));
}

/**
 * A checker for one request's list, fed in consecutive slices (`offset`: the index of the slice's first entry),
 * so a caller can yield between slices; duplicates are found across slices. `services`: the workspace's services
 * (workspaceServices of ctx), when the caller keeps them from an earlier request on the same fleet input.
 */
export function exposedServiceChecker(
  field: string,
  ctx: WorkspaceContext,
  services?: ReadonlyMap<string, ExposedService>,
): (fqdns: readonly string[], offset: number) => FieldError[] {
  const catalog = catalogOf(ctx, services);
  const seen = new Set<string>();
  return (fqdns, offset) => {
    const errors: FieldError[] = [];
    fqdns.forEach((fqdn, i) => {
      const at = `${field}.${offset + i}`;
      const error = seen.has(fqdn) ? { field: at, message: `${truncated(fqdn)} is listed twice; list it once.` } : check(at, fqdn, catalog);
      seen.add(fqdn);
      if (error) errors.push(error);
    });
    return errors;
  };
}

/** Errors for a list of FQDNs (`<field>.<index>`), duplicates included; one pass over the list. */
export function exposedServiceErrors(field: string, fqdns: readonly string[], ctx: WorkspaceContext): FieldError[] {
  return exposedServiceChecker(field, ctx)(fqdns, 0);
}
