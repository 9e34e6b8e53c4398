import type { AuditRecord } from "@/server/audit/audit-record";
import type { AuditProblem } from "@/server/audit/recent";
import { actorWords, objectWords, verbDone, verbToDo, whereWords } from "@/server/audit/words";
import { RelativeTime } from "../relative-time";
import { StatusPill, type Tone } from "../workspace/status-pill";

const OUTCOME: Record<AuditRecord["outcome"], { label: string; tone: Tone }> = {
  ok: { label: "Done", tone: "good" },
  refused: { label: "Refused", tone: "bad" },
  failed: { label: "Failed", tone: "warn" },
};

/** "alice applied IngressGateway bookinfo/gw in east", "victor was refused to apply …", "bob tried to delete …". */
export function recordHeadline(record: Pick<AuditRecord, "user" | "verb" | "outcome" | "object" | "cluster">): { who: string; rest: string } {
  const what = `${objectWords(record.object)} in ${record.cluster}`;
  const who = actorWords(record.user);
  if (record.outcome === "ok") return { who, rest: `${verbDone(record.verb)} ${what}` };
  if (record.outcome === "refused") return { who, rest: `was refused to ${verbToDo(record.verb)} ${what}` };
  return { who, rest: `tried to ${verbToDo(record.verb)} ${what}` };
}

function RecordItem({ record }: { record: AuditRecord }) {
  const { who, rest } = recordHeadline(record);
  const outcome = OUTCOME[record.outcome];
  return (
    <li className="px-4 py-3">
      <div className="flex items-start justify-between gap-3">
        <p className="text-sm text-slate-800">
          <span className="font-semibold text-slate-900">{who}</span> {rest}
        </p>
        <StatusPill tone={outcome.tone}>{outcome.label}</StatusPill>
      </div>
      <p className="mt-0.5 text-xs text-slate-600">
        {record.at ? <RelativeTime iso={record.at} suffix=" ago" /> : "time unknown"} · {whereWords(record.mode, record.address)}
      </p>
      {record.outcome !== "ok" && record.detail && <p className="mt-1 text-sm break-words text-slate-700">{record.detail}</p>}
    </li>
  );
}

/** Where activity could not be read: named, so an empty list is never mistaken for "nobody did anything". */
export function ActivityProblems({ problems }: { problems: readonly AuditProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul aria-label="Activity not read" className="mt-2 space-y-1 text-sm text-amber-800">
      {problems.map((p) => (
        <li key={`${p.cluster}/${p.namespace}`}>
          Could not read the activity in {p.cluster} ({p.namespace}){p.reason === "forbidden" ? ": the console may not list Events there" : ""}. {p.message}
        </li>
      ))}
    </ul>
  );
}

/** The console's writes on people's behalf, newest first, each with who, what, from where, when and how it ended. */
export function ActivityList({ records, more, label }: { records: readonly AuditRecord[]; more: boolean; label: string }) {
  if (records.length === 0) {
    return <p className="rounded-xl border border-slate-200 bg-white px-4 py-3 text-sm text-slate-600 shadow-sm">Nobody has changed anything here through the console within the clusters&apos; event retention.</p>;
  }
  return (
    <>
      <ol aria-label={label} className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white shadow-sm">
        {records.map((record) => (
          <RecordItem key={`${record.cluster}/${record.id}`} record={record} />
        ))}
      </ol>
      {more && (
        <p className="mt-2 text-xs text-slate-600">
          Older entries are not shown; <code className="font-mono">kubectl get events -l eastwest.dev/audit</code> lists every one a cluster still holds.
        </p>
      )}
    </>
  );
}
