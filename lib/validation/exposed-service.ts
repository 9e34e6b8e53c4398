// Validates the FQDNs a user wants to expose: each must be `<service>.<namespace>.svc.cluster.local`, in a
// namespace the workspace covers, naming a service that at least one workspace cluster runs (the planner's
// exposure rules: lib/plan/exposure.ts — a gateway's own Service is never a service of the workspace).
import { parseServiceFqdn } from "@/lib/names/fqdn";
import { runsService, workspaceServices } from "@/lib/plan/exposure";
import { covers } from "@/lib/plan/workspace-scope";
import type { FieldError } from "./field-error";
import { namespaceInWorkspaceError, type WorkspaceContext } from "./workspace-lookup";

function notRunMessage(fqdn: string, ctx: WorkspaceContext, namespace: string): string {
  const others = [...workspaceServices(ctx.scope, ctx.clusters).values()].filter((s) => s.namespace === namespace).map((s) => s.name);
  const hint = others.length > 0 ? `services in ${namespace}: ${others.join(", ")}` : `no service runs in ${namespace} yet`;
  return `${fqdn} is not a service of workspace ${ctx.workspace.name}: no cluster of it runs that service (${hint}); check the name.`;
}

export function exposedServiceError(field: string, fqdn: string, ctx: WorkspaceContext): FieldError | undefined {
  const ref = parseServiceFqdn(fqdn);
  if (!ref) return { field, message: `"${fqdn}" is not a service FQDN; write <service>.<namespace>.svc.cluster.local, e.g. details.bookinfo.svc.cluster.local.` };
  const outside = namespaceInWorkspaceError(field, ref.namespace, ctx);
  if (outside) return { field, message: `${fqdn}: ${outside.message}` };
  if (workspaceServices(ctx.scope, ctx.clusters).has(fqdn)) return undefined;
  const holders = ctx.clusters.filter((c) => runsService(c, ref));
  if (holders.some((c) => covers(ctx.scope, c.name, ref.namespace))) {
    return { field, message: `${fqdn} is an east-west gateway's own Service; gateways are never exposed, so leave it out.` };
  }
  if (holders.length > 0) {
    const where = holders.map((c) => c.name).join(", ");
    return { field, message: `${fqdn} runs only in ${where}, where workspace ${ctx.workspace.name} does not cover namespace ${ref.namespace}; widen the namespaceSelector (e.g. */${ref.namespace}).` };
  }
  return { field, message: notRunMessage(fqdn, ctx, ref.namespace) };
}

/** Errors for a list of FQDNs (`<field>.<index>`), duplicates included. */
export function exposedServiceErrors(field: string, fqdns: readonly string[], ctx: WorkspaceContext): FieldError[] {
  return fqdns.flatMap((fqdn, i) => {
    if (fqdns.indexOf(fqdn) !== i) return [{ field: `${field}.${i}`, message: `${fqdn} is listed twice; list it once.` }];
    const error = exposedServiceError(`${field}.${i}`, fqdn, ctx);
    return error ? [error] : [];
  });
}
