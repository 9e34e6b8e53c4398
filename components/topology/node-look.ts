// Colours of the topology graph: a node takes the colour of its failover state (a group, its worst state's), an
// edge the colour of its status. Same tones as the workspace page's failover table (FAILOVER_LOOK), always shown
// with the state's words or a glyph, never colour alone. Tailwind classes of the console's palette, which
// globals.css mirrors in dark mode.
import type { FailoverKind } from "@/lib/failover/types";
import type { EdgeStatus } from "@/lib/topology/types";
import type { Tone } from "../workspace/status-pill";
import { FAILOVER_LOOK } from "../workspace/failover-cell";

const TONE_CLASSES: Readonly<Record<Tone, { border: string; fill: string; accent: string }>> = {
  good: { border: "border-emerald-500", fill: "bg-emerald-50", accent: "bg-emerald-500" },
  info: { border: "border-sky-500", fill: "bg-sky-50", accent: "bg-sky-500" },
  warn: { border: "border-amber-500", fill: "bg-amber-50", accent: "bg-amber-500" },
  bad: { border: "border-rose-500", fill: "bg-rose-50", accent: "bg-rose-500" },
  neutral: { border: "border-slate-400", fill: "bg-slate-50", accent: "bg-slate-400" },
};

/** Border, fill and accent classes for a state (none known: neutral). */
export function stateClasses(kind: FailoverKind | undefined): { border: string; fill: string; accent: string } {
  return TONE_CLASSES[kind ? FAILOVER_LOOK[kind].tone : "neutral"];
}

/** Edge strokes as CSS colours (SVG strokes take no Tailwind class here): the palette's variables, so dark mode follows. */
export const EDGE_LOOK: Readonly<Record<EdgeStatus, { stroke: string; dash?: string; words: string; meaning: string }>> = {
  active: { stroke: "var(--color-sky-600)", words: "Active", meaning: "traffic takes this route now" },
  standby: { stroke: "var(--color-slate-400)", dash: "6 4", words: "Standby", meaning: "a working failover route, not in use" },
  broken: { stroke: "var(--color-rose-600)", dash: "2 4", words: "Broken", meaning: "the objects exist but the route does not work" },
};

export const EDGE_STATUSES: readonly EdgeStatus[] = ["active", "standby", "broken"];
