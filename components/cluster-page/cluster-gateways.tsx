import type { GatewayPhase } from "@/lib/workspace-view/types";
import type { ClusterDetail } from "@/server/clusters/types";
import { StatusPill, type Tone } from "../workspace/status-pill";
import { Section } from "./section-title";

const PHASE: Record<GatewayPhase, { label: string; tone: Tone }> = {
  ready: { label: "Ready", tone: "good" },
  progressing: { label: "Progressing", tone: "warn" },
  problem: { label: "Problem", tone: "bad" },
};

/**
 * The cluster's east-west gateways, judged as the workspace page judges them: the addresses other clusters dial,
 * how many of its pods are ready (published addresses with no ready pod take traffic nowhere), and problems in
 * words. Deploying or removing one is done from a workspace's page, which knows the namespaces it may use.
 */
export function ClusterGateways({ detail }: { detail: ClusterDetail }) {
  const { gateways } = detail;
  return (
    <Section id="gateways-title" title="East-west gateways" note={detail.lastKnown && detail.known ? "Last known state" : undefined}>
      {!detail.known ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white px-5 py-4 text-sm text-slate-600">Unknown until the cluster is listed.</p>
      ) : gateways.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white px-5 py-4 text-sm text-slate-600">
          No east-west gateway in this cluster: other clusters cannot fail over to its services. Deploy one from a workspace&apos;s page.
        </p>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
          <table aria-label="East-west gateways" className="w-full text-sm">
            <thead className="bg-slate-50 text-left text-xs font-medium text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-2">Gateway</th>
                <th scope="col" className="px-4 py-2">State</th>
                <th scope="col" className="px-4 py-2 text-right">Ready pods</th>
                <th scope="col" className="px-4 py-2">Published addresses</th>
                <th scope="col" className="px-4 py-2">Problems</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {gateways.map((gw) => (
                <tr key={`${gw.namespace}/${gw.name}`} className="align-top">
                  <th scope="row" className="px-4 py-2.5 text-left font-mono text-[13px] font-medium text-slate-900">
                    {gw.namespace}/{gw.name}
                  </th>
                  <td className="px-4 py-2.5">
                    <StatusPill tone={PHASE[gw.phase].tone}>{PHASE[gw.phase].label}</StatusPill>
                  </td>
                  <td className={`px-4 py-2.5 text-right tabular-nums ${gw.pods.ready === 0 ? "text-rose-700" : gw.pods.ready < gw.pods.total ? "text-amber-700" : "text-slate-900"}`}>
                    {gw.pods.ready}/{gw.pods.total}
                  </td>
                  <td className="px-4 py-2.5 font-mono text-[13px] break-all">
                    {gw.service?.addresses.length ? gw.service.addresses.join(", ") : <span className="font-sans text-amber-700">not published</span>}
                  </td>
                  <td className="px-4 py-2.5 text-xs text-slate-700">{gw.problems.length === 0 ? "none" : gw.problems.join("; ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}
