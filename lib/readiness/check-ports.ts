// Failover sends a request for port P to the same port of a remote instance (endpoints map by port name), so
// an exposed service must serve the same mesh ports, by name and number, in every cluster running it.
import { meshPorts } from "@/lib/plan/istio-protocol";
import type { Instance } from "@/lib/plan/exposure";
import { shellQuote } from "@/lib/manifests/kubectl-command";
import { listing, type ReadinessContext } from "./context";
import { pass, type ChecklistItem } from "./types";

const id = "service-ports";
const title = "Exposed services have the same ports everywhere";

const portsOf = (i: Instance) => meshPorts(i.service.ports).map((p) => `${p.name || "(unnamed)"}/${p.port}`).join(", ") || "none";

export function checkPorts(ctx: ReadinessContext): ChecklistItem {
  if (!ctx.workspace.setting) {
    return { id, title, status: "warn", reason: `workspace ${ctx.workspace.name} has no WorkspaceSetting, so it exposes nothing.`, fix: 'Use the console\'s "Expose services" action (expose all, or choose services).' };
  }
  const shared = ctx.exposed.filter((s) => s.instances.length > 1);
  const differing = shared.filter((s) => new Set(s.instances.map(portsOf)).size > 1);
  if (differing.length > 0) {
    const reason = differing.map((s) => `${s.fqdn} (${s.instances.map((i) => `${i.cluster.name}: ${portsOf(i)}`).join("; ")})`).join("; ");
    const first = differing[0];
    const command = first ? first.instances.map((i) => `kubectl --context ${shellQuote(i.cluster.name)} -n ${first.namespace} get service ${first.name} -o jsonpath='{.spec.ports}'`).join("\n") : undefined;
    return {
      id, title, status: "fail",
      reason: `ports differ between clusters: ${reason}; requests on a port the remote instance lacks cannot fail over.`,
      fix: "Give the Service the same port names and numbers in every cluster (compare them with the commands below, then edit the Services).",
      ...(command ? { command } : {}),
    };
  }
  if (shared.length === 0) return pass(id, title, "no exposed service runs in more than one cluster, so there are no ports to compare.");
  return pass(id, title, `${listing(shared.map((s) => s.name))} serve the same ports in every cluster running them.`);
}
