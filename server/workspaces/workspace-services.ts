// The services of a workspace across its clusters (FQDN, which clusters run it, its ports) and which of them
// the live setting exposes — with the planner's own helpers, so this list and the registry agree. Without any
// WorkspaceSetting nothing is exposed yet (the planner plans nothing for the workspace).
import { exposedServices, workspaceServices } from "@/lib/plan/exposure";
import type { ClusterInput, WorkspaceInput } from "@/lib/plan/input";
import { workspaceScope, type WorkspaceScope } from "@/lib/plan/workspace-scope";
import type { Exposure, ServicePort, WorkspaceService } from "@/lib/workspace-view/types";

export function exposureOf(ws: WorkspaceInput): Exposure {
  const listed = ws.setting?.exposedServices ?? [];
  return listed.length > 0 ? { mode: "selected", services: [...listed] } : { mode: "all" };
}

/** Each name/port/protocol once, by port then name. */
function distinctPorts(ports: ReadonlyArray<{ name?: string; port: number; protocol: string }>): ServicePort[] {
  const byKey = new Map<string, ServicePort>();
  for (const p of ports) byKey.set(`${p.port}/${p.protocol}/${p.name ?? ""}`, { ...(p.name ? { name: p.name } : {}), port: p.port, protocol: p.protocol });
  return [...byKey.values()].sort((a, b) => a.port - b.port || (a.name ?? "").localeCompare(b.name ?? "") || a.protocol.localeCompare(b.protocol));
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
      clusters: s.instances.map((i) => i.cluster.name).sort(),
      ports: distinctPorts(s.instances.flatMap((i) => i.service.ports)),
      exposed: exposed.has(s.fqdn),
    }));
}
