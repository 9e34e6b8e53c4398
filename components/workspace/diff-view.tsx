import { diffLines, diffStats, type DiffLineKind } from "@/lib/workspace-view/diff-lines";
import type { ObjectDiff } from "@/lib/workspace-view/types";

const LINE: Record<DiffLineKind, string> = {
  header: "text-slate-400",
  hunk: "bg-sky-950/60 text-sky-300",
  add: "bg-emerald-950/70 text-emerald-200",
  remove: "bg-rose-950/70 text-rose-200",
  context: "text-slate-300",
};

/** The unified diff against the live object, + lines green and - lines red (the sign stays, for colour-blind eyes). */
export function DiffView({ diff, label }: { diff: ObjectDiff; label: string }) {
  if (diff.kind === "no-changes") {
    return <p className="rounded-lg bg-slate-50 px-3 py-2.5 text-sm text-slate-700 ring-1 ring-slate-200">No changes: the live object already matches.</p>;
  }
  const lines = diffLines(diff.unified);
  const { added, removed } = diffStats(lines);
  return (
    <figure aria-label={label} className="overflow-hidden rounded-lg ring-1 ring-slate-200">
      <figcaption className="flex items-center gap-3 border-b border-slate-200 bg-slate-50 px-3 py-1.5 text-xs text-slate-600">
        <span className="font-semibold">{diff.kind === "create" ? "New object (nothing live yet)" : "Changes to the live object"}</span>
        <span className="font-mono text-emerald-700">+{added}</span>
        <span className="font-mono text-rose-700">−{removed}</span>
        {diff.changes.length > 0 && <span className="truncate">fields: {diff.changes.map((c) => `${c.path} (${c.change})`).join(", ")}</span>}
      </figcaption>
      {/* Focusable so a keyboard can scroll a diff longer or wider than its box. */}
      <pre tabIndex={0} className="max-h-80 overflow-auto bg-slate-950 py-2 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 font-mono text-[12.5px] leading-relaxed">
        {lines.map((line, i) => (
          <div key={i} data-diff={line.kind} className={`px-3 whitespace-pre ${LINE[line.kind]}`}>
            {line.text || " "}
          </div>
        ))}
      </pre>
    </figure>
  );
}
