"use client";

import type { AuditRecord } from "@/server/audit/audit-record";
import type { DrillRef } from "@/server/drills/types";
import { actorWords, verbToDo, whereWords } from "@/server/audit/words";
import { RelativeTime } from "../relative-time";
import { useAuditRecent } from "./use-audit-recent";

type Line = { key: string; label: string; record: AuditRecord };

/**
 * What the drill page says about people: who started it and who aborted it (the newest successful start and abort
 * of its audit records), then any refused or failed attempt newer than those. Records come newest first.
 */
export function drillActorLines(records: readonly AuditRecord[]): Line[] {
  const started = records.find((r) => r.verb === "start-drill" && r.outcome === "ok");
  const aborted = records.find((r) => r.verb === "abort-drill" && r.outcome === "ok");
  const attempts = records.filter((r) => (r.verb === "start-drill" || r.verb === "abort-drill") && r.outcome !== "ok").slice(0, 3);
  return [
    ...(started ? [{ key: started.id, label: "Started by", record: started }] : []),
    ...(aborted ? [{ key: aborted.id, label: "Aborted by", record: aborted }] : []),
    ...attempts.map((r) => ({ key: r.id, label: r.outcome === "refused" ? `Refused to ${verbToDo(r.verb)}` : `Failed to ${verbToDo(r.verb)}`, record: r })),
  ];
}

/** The lines, or why there are none; `unread`: clusters whose Events could not be read (the query's problems). */
export function DrillActorsView({ records, unread }: { records: readonly AuditRecord[]; unread: string | undefined }) {
  const lines = drillActorLines(records);
  if (lines.length === 0) {
    return (
      <p className="mt-2 text-sm text-slate-600">
        {unread ?? "Who started it is not recorded: it was made outside the console (kubectl), or its Event has expired (the cluster's event TTL)."}
      </p>
    );
  }
  return (
    <dl aria-label="Who ran this drill" className="mt-2 space-y-0.5 text-sm">
      {lines.map(({ key, label, record }) => (
        <div key={key}>
          <dt className="inline text-slate-600">{label} </dt>
          <dd className="inline">
            <span className="font-semibold text-slate-900">{actorWords(record.user)}</span>
            <span className="text-slate-600">
              {" "}
              {record.at && (
                <>
                  <RelativeTime iso={record.at} suffix=" ago" /> ·{" "}
                </>
              )}
              {whereWords(record.mode, record.address)}
              {record.outcome !== "ok" && record.detail ? ` · ${record.detail}` : ""}
            </span>
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** Who started and aborted the drill, from its audit Events; looked up again when its phase moves. */
export function DrillActors({ drill, phase }: { drill: DrillRef; phase: string }) {
  const { data, error } = useAuditRecent({ scope: "drill", ...drill }, phase);
  if (!data) return error ? <p className="mt-2 text-sm text-amber-800">Who started it could not be read.</p> : null;
  const unread = data.problems[0] ? `Who started it could not be read from ${data.problems[0].cluster}: ${data.problems[0].message}` : undefined;
  return <DrillActorsView records={data.records} unread={unread} />;
}
