import { PropagationChips } from "../../workspace/propagation-chips";
import { StatusPill } from "../../workspace/status-pill";
import type { NodeDetails } from "./inspect-types";

type ServiceView = Extract<NodeDetails["registry"], { kind: "service" }>;

function ExpectedList({ view }: { view: ServiceView }) {
  if (view.expected.length === 0) return <p className="text-sm text-slate-600">The plan puts nothing in {view.cluster} for this service (it is not exposed, or no other cluster runs it).</p>;
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">Objects the plan puts in {view.cluster} for {view.fqdn}, and whether the cluster holds them</caption>
      <thead className="border-b border-slate-200 text-xs text-slate-500">
        <tr>
          <th scope="col" className="py-1.5 pr-3 font-semibold">Expected object</th>
          <th scope="col" className="py-1.5 font-semibold">In the cluster</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {view.expected.map((o) => (
          <tr key={`${o.kind}/${o.namespace}/${o.name}`}>
            <td className="py-1.5 pr-3">
              <span className="font-medium text-slate-900">{o.kind}</span> <span className="font-mono text-[12px] break-all text-slate-600">{o.namespace}/{o.name}</span>
            </td>
            <td className="py-1.5">{o.observed === "present" ? <StatusPill tone="good">Present</StatusPill> : <StatusPill tone="warn">Missing</StatusPill>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Expected versus actual: what the registry's plan puts in this cluster for the service, and what is there. */
export function RegistryTab({ registry }: { registry: NodeDetails["registry"] }) {
  if (registry.kind === "none") return <p className="text-sm text-slate-600">{registry.why}</p>;
  return (
    <div className="space-y-4">
      <section aria-label="Propagation">
        <h3 className="mb-1.5 text-xs font-semibold tracking-wide text-slate-500 uppercase">Propagation</h3>
        {registry.propagation ? <PropagationChips clusters={[registry.propagation]} /> : <p className="text-sm text-slate-600">The registry is not running in this console: what follows compares the plan with what the cluster holds.</p>}
      </section>
      <section aria-label="Expected versus actual">
        <h3 className="mb-1.5 text-xs font-semibold tracking-wide text-slate-500 uppercase">Expected versus actual</h3>
        {!registry.planCurrent && <p className="mb-2 text-xs text-amber-800">The planner is still planning the latest change: this is the previous plan.</p>}
        <ExpectedList view={registry} />
      </section>
      {registry.unplanned.length > 0 && (
        <section aria-label="No longer planned">
          <h3 className="mb-1.5 text-xs font-semibold tracking-wide text-slate-500 uppercase">In the cluster, no longer planned</h3>
          <ul className="space-y-1 text-sm">
            {registry.unplanned.map((o) => (
              <li key={`${o.kind}/${o.namespace}/${o.name}`}>
                <span className="font-medium text-slate-900">{o.kind}</span> <span className="font-mono text-[12px] break-all text-slate-600">{o.namespace}/{o.name}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
