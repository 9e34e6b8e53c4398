import type { HaChecklist } from "@/lib/readiness/ha-checklist";
import type { CheckStatus } from "@/lib/readiness/types";
import { CodeBlock } from "./code-block";
import { ExpandableText } from "./expandable-text";
import { StatusPill, type Tone } from "./status-pill";

const STATUS: Record<CheckStatus, { label: string; tone: Tone }> = {
  pass: { label: "Pass", tone: "good" },
  warn: { label: "Warning", tone: "warn" },
  fail: { label: "Fail", tone: "bad" },
};

/** What failover across the workspace's clusters needs, each item with why and what to do. */
export function ReadinessChecklist({ checklist }: { checklist: HaChecklist }) {
  return (
    <section aria-labelledby="ha-title">
      <div className="mb-3 flex items-center justify-between">
        <h2 id="ha-title" className="text-sm font-semibold tracking-wide text-slate-500 uppercase">
          HA readiness
        </h2>
        <StatusPill tone={checklist.ready ? "good" : "bad"}>{checklist.ready ? "Ready for failover" : "Not ready for failover"}</StatusPill>
      </div>
      <ol aria-label="HA readiness checklist" className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white shadow-sm">
        {checklist.items.map((item) => (
          <li key={item.id} aria-label={item.title} className="px-4 py-3">
            <div className="flex items-start justify-between gap-3">
              <p className="text-sm font-semibold text-slate-900">{item.title}</p>
              <StatusPill tone={STATUS[item.status].tone}>{STATUS[item.status].label}</StatusPill>
            </div>
            <ExpandableText className="mt-1 text-sm text-slate-700" text={item.reason} />
            {item.status !== "pass" && (
              <p className="mt-1 text-sm text-slate-600">
                <span className="font-medium text-slate-800">Fix: </span>
                {item.fix}
              </p>
            )}
            {item.command && (
              <div className="mt-2">
                <CodeBlock label={`Command for ${item.title}`} caption="Command" text={item.command} maxHeight="max-h-40" wrap />
              </div>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
