import { FAILOVER_LOOK } from "../../workspace/failover-cell";
import { StatusPill } from "../../workspace/status-pill";
import type { WhatIfResult } from "../panel/inspect-types";

type Service = WhatIfResult["clusters"][number]["services"][number];

function StatePill({ state }: { state: Service["before"] }) {
  const look = FAILOVER_LOOK[state.kind];
  return (
    <StatusPill tone={look.tone} title={state.sentence}>
      <span aria-hidden="true">{look.glyph}</span>
      {state.words}
    </StatusPill>
  );
}

const name = (fqdn: string) => fqdn.split(".")[0] ?? fqdn;

function ServiceChange({ service }: { service: Service }) {
  return (
    <li className="px-3 py-2.5">
      <p className="text-sm">
        <span className="font-semibold text-slate-900">{name(service.fqdn)}</span> <span className="font-mono text-[11px] break-all text-slate-500">{service.fqdn}</span>
      </p>
      <p className="mt-1 flex flex-wrap items-center gap-1.5 text-sm">
        <StatePill state={service.before} />
        <span aria-hidden="true" className="text-slate-400">→</span>
        <span className="sr-only"> would become </span>
        <StatePill state={service.after} />
        {service.after.reasonWords && <span className="text-xs text-slate-600">{service.after.reasonWords}</span>}
      </p>
      <p className="mt-1 text-xs text-slate-600">{service.after.sentence}</p>
    </li>
  );
}

/** The impact, grouped by the cluster whose clients would see it. */
export function WhatIfGroups({ result }: { result: WhatIfResult }) {
  return (
    <div className="space-y-4">
      {result.clusters.map((group) => (
        <section key={group.cluster} aria-labelledby={`what-if-${group.cluster}`}>
          <h3 id={`what-if-${group.cluster}`} className="mb-1.5 text-xs font-semibold tracking-wide text-slate-500 uppercase">
            In {group.cluster} ({group.total})
          </h3>
          <ul className="divide-y divide-slate-100 rounded-lg ring-1 ring-slate-200">
            {group.services.map((s) => (
              <ServiceChange key={s.fqdn} service={s} />
            ))}
          </ul>
          {group.total > group.services.length && (
            <p className="mt-1 text-xs text-slate-600">
              And {group.total - group.services.length} more in {group.cluster}
              {group.unavailable > 0 ? ` (${group.unavailable} in all would become Unavailable, listed first)` : ""}.
            </p>
          )}
        </section>
      ))}
    </div>
  );
}
