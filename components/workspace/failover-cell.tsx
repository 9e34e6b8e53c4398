import type { FailoverKind } from "@/lib/failover/types";
import { trafficSentence } from "@/lib/traffic/served-by-words";
import type { ServedBy } from "@/lib/traffic/types";
import type { FailoverCell } from "@/lib/workspace-view/types";
import { ServedByLine } from "../traffic/served-by-line";
import { StatusPill, type Tone } from "./status-pill";

/** Colour and a glyph per state; the words (lib/failover/words.ts, carried in the cell) always come with them. */
export const FAILOVER_LOOK: Readonly<Record<FailoverKind, { tone: Tone; glyph: string }>> = {
  "serving-locally": { tone: "good", glyph: "✓" },
  "failed-over": { tone: "info", glyph: "↪" },
  "at-risk": { tone: "warn", glyph: "!" },
  "remote-only": { tone: "neutral", glyph: "⇢" },
  unavailable: { tone: "bad", glyph: "✕" },
  unknown: { tone: "neutral", glyph: "?" },
};

const via = (targets: FailoverCell["targets"]) => targets.map((t) => `${t.cluster} through ${t.gateway}`).join(", then ");

/** The line under the words: the reason for At risk, where traffic goes for Failed over and Remote only. */
function detailLine(cell: FailoverCell): string | undefined {
  switch (cell.kind) {
    case "failed-over":
      return `to ${via(cell.targets)}`;
    case "at-risk":
      return cell.reasonWords;
    case "serving-locally":
      return cell.targets.length > 0 ? `fails over to ${via(cell.targets)}` : undefined;
    case "remote-only":
      return cell.targets.length > 0 ? `from ${via(cell.targets)}` : "no remote reachable now";
    default:
      return undefined;
  }
}

/**
 * What traffic a cell shows: `undefined` when none is (no Prometheus, or it does not answer: the table says so once),
 * else this cluster's row of the served-by view (`row` undefined: no requests in the window).
 */
export type CellTraffic = { row: ServedBy | undefined } | undefined;

/**
 * One service in one cluster: the state's words on its colour, and what explains it; with traffic, which cluster
 * actually served it in the last minute. The full sentences on hover.
 */
export function FailoverStateCell({ cell, traffic }: { cell: FailoverCell; traffic?: CellTraffic }) {
  const look = FAILOVER_LOOK[cell.kind];
  const line = detailLine(cell);
  const title = traffic ? `${cell.sentence} ${trafficSentence(cell, traffic.row)}.` : cell.sentence;
  return (
    <div title={title}>
      <StatusPill tone={look.tone}>
        <span aria-hidden="true">{look.glyph}</span>
        {cell.words}
      </StatusPill>
      {line && <p className="mt-1 text-xs break-words text-slate-600">{line}</p>}
      {traffic && <ServedByLine row={traffic.row} />}
    </div>
  );
}
