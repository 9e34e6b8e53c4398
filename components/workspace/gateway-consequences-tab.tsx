import { clusterList, exposureSummary } from "@/lib/workspace-view/exposure-summary";
import type { GatewayPreview } from "@/lib/workspace-view/types";
import { ConsequencesPanel } from "./consequences-panel";

/**
 * What the registry writes once the gateway serves the workspace: the plain summary, then per cluster. Where
 * the gateway is new its addresses are not known yet (the LoadBalancer publishes them after the apply), so the
 * rows are a promise conditional on them, and the shadow WorkloadEntries are one per address.
 */
export function GatewayConsequencesTab({ preview }: { preview: GatewayPreview }) {
  const sentences = exposureSummary(preview.reachability);
  const awaiting = preview.awaitingAddresses;
  return (
    <div className="space-y-3">
      <section aria-label="What changes" className="rounded-lg bg-slate-50 px-3 py-2.5 text-sm text-slate-800 ring-1 ring-slate-200">
        {awaiting.length > 0 && (
          <p className="mb-1">
            Once the gateway in {clusterList(awaiting)} publishes its addresses, the registry writes the objects below (one shadow WorkloadEntry per published address;
            the first is named).
          </p>
        )}
        {sentences.length === 0 ? (
          <p>No cluster gains or loses a service: what each cluster reaches does not change.</p>
        ) : (
          <ul className="space-y-0.5">
            {sentences.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        )}
      </section>
      <ConsequencesPanel consequences={preview.consequences} conditions={preview.conditions} />
    </div>
  );
}
