// The services of a workspace across its clusters (FQDN, which clusters run it, their ports) and which of them
// the live setting exposes — with the planner's own helpers, so this list and the registry agree. Without any
// WorkspaceSetting nothing is exposed yet (the planner plans nothing for the workspace).
import { exposedServices, workspaceServices } from "@/lib/plan/exposure";
import type { ClusterInput, WorkspaceInput } from "@/lib/plan/input";
import { workspaceScope, type WorkspaceScope } from "@/lib/plan/workspace-scope";
import type { Exposure, WorkspaceService } from "@/lib/workspace-view/types";

export function exposureOf(ws: WorkspaceInput): Exposure {
  const listed = ws.setting?.exposedServices ?? [];
  return listed.length > 0 ? { mode: "selected", services: [...listed] } : { mode: "all" };
}

/** `scope`: the workspace's scope in `clusters`, when the caller has it already. */
export function servicesOf(ws: WorkspaceInput, clusters: readonly ClusterInput[], scope: WorkspaceScope = workspaceScope(ws, clusters).scope): WorkspaceService[] {
  const exposed = new Set(ws.setting ? exposedServices(ws, scope, clusters).services.map((s) => s.fqdn) : []);
  return [...workspaceServices(scope, clusters).values()]
    .sort((a, b) => (a.fqdn < b.fqdn ? -1 : a.fqdn > b.fqdn ? 1 : 0))
    .map((s) => ({
      fqdn: s.fqdn,
      namespace: s.namespace,
      name: s.name,
      instances: s.instances.map((i) => ({ cluster: i.cluster.name, ports: i.service.ports.map((p) => ({ ...(p.name ? { name: p.name } : {}), port: p.port, protocol: p.protocol })) })),
      exposed: exposed.has(s.fqdn),
    }));
}
