// A drill's report, for the UI's export buttons: Markdown for people (a ticket, a post-mortem) and a JSON shape for
// tools. Both are made from what the drill object records (its spec and status), so a report exported from any
// replica, or long after the console that ran the drill is gone, says the same thing.
import { formatLatency } from "@/lib/format";
import { formatSeconds } from "./duration";
import type { DrillCondition, DrillSpec, DrillStatus, ServedByCounts } from "./schema";

/** What a report needs; server/drills' DrillDetail has these fields. */
export type DrillReportInput = { ref: { cluster: string; namespace: string; name: string }; spec: DrillSpec; status: DrillStatus };

export type DrillReportJson = {
  kind: "FailoverDrillReport";
  version: 1;
  drill: { cluster: string; namespace: string; name: string };
  service: string;
  fault: DrillSpec["fault"];
  maxDuration: string;
  stopCondition: DrillSpec["stopCondition"];
  phase: string;
  verdict?: string;
  reason?: string;
  startedAt?: string;
  finishedAt?: string;
  durationSeconds?: number;
  figures: { timeToShiftSeconds?: number; failedRequests?: number; timeToRestoreSeconds?: number; baseline?: DrillStatus["baseline"] };
  servedBy: { before: ServedByCounts; during: ServedByCounts; after: ServedByCounts };
  prometheusServedBy?: DrillStatus["prometheusServedBy"];
  timeline: { phase: string; at: string; offsetSeconds?: number; message?: string }[];
  conditions: DrillCondition[];
  undo?: DrillStatus["undo"];
};

const seconds = (from: string | undefined, to: string | undefined): number | undefined => {
  const a = from ? Date.parse(from) : Number.NaN;
  const b = to ? Date.parse(to) : Number.NaN;
  return Number.isFinite(a) && Number.isFinite(b) ? Math.round(b - a) / 1000 : undefined;
};

export function drillReportJson({ ref, spec, status }: DrillReportInput): DrillReportJson {
  const durationSeconds = seconds(status.startedAt, status.finishedAt);
  return {
    kind: "FailoverDrillReport",
    version: 1,
    drill: { cluster: ref.cluster, namespace: ref.namespace, name: ref.name },
    service: spec.service,
    fault: spec.fault,
    maxDuration: spec.maxDuration,
    stopCondition: spec.stopCondition,
    phase: status.phase ?? "Pending",
    ...(status.verdict ? { verdict: status.verdict } : {}),
    ...(status.reason ? { reason: status.reason } : {}),
    ...(status.startedAt ? { startedAt: status.startedAt } : {}),
    ...(status.finishedAt ? { finishedAt: status.finishedAt } : {}),
    ...(durationSeconds === undefined ? {} : { durationSeconds }),
    figures: {
      ...(status.timeToShiftSeconds === undefined ? {} : { timeToShiftSeconds: status.timeToShiftSeconds }),
      ...(status.failedRequests === undefined ? {} : { failedRequests: status.failedRequests }),
      ...(status.timeToRestoreSeconds === undefined ? {} : { timeToRestoreSeconds: status.timeToRestoreSeconds }),
      ...(status.baseline ? { baseline: status.baseline } : {}),
    },
    servedBy: { before: status.servedBy?.before ?? {}, during: status.servedBy?.during ?? {}, after: status.servedBy?.after ?? {} },
    ...(status.prometheusServedBy ? { prometheusServedBy: status.prometheusServedBy } : {}),
    timeline: status.timeline.map((t) => {
      const offsetSeconds = seconds(status.startedAt, t.at);
      return { phase: t.phase, at: t.at, ...(offsetSeconds === undefined ? {} : { offsetSeconds }), ...(t.message ? { message: t.message } : {}) };
    }),
    conditions: status.conditions,
    ...(status.undo ? { undo: status.undo } : {}),
  };
}

/** A table cell: pipes escaped, line breaks flattened (Markdown tables are one line per row). */
const cell = (text: string | number | undefined): string => (text === undefined || text === "" ? "—" : String(text).replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " "));
const row = (cells: (string | number | undefined)[]): string => `| ${cells.map(cell).join(" | ")} |`;
const table = (head: string[], rows: (string | number | undefined)[][]): string[] => [row(head), `|${head.map(() => " --- ").join("|")}|`, ...rows.map(row)];
const utc = (iso: string | undefined): string | undefined => (iso ? `${iso.replace("T", " ").replace(/\.\d+Z$|Z$/, "")} UTC` : undefined);
const pct = (rate: number | undefined): string | undefined => (rate === undefined ? undefined : `${Math.round(rate * 1000) / 10}%`);
const secs = (value: number | undefined): string | undefined => (value === undefined ? undefined : formatSeconds(value));

function baselineText(baseline: DrillStatus["baseline"]): string | undefined {
  if (!baseline) return undefined;
  const parts = [
    baseline.requests === undefined ? undefined : `${baseline.requests} requests`,
    baseline.successRate === undefined ? undefined : `${pct(baseline.successRate)} succeeded`,
    baseline.p50LatencyMs === undefined ? undefined : `p50 ${formatLatency(baseline.p50LatencyMs)}`,
    baseline.p95LatencyMs === undefined ? undefined : `p95 ${formatLatency(baseline.p95LatencyMs)}`,
  ];
  return parts.filter((p) => p !== undefined).join(", ");
}

function servedByRows(servedBy: DrillReportJson["servedBy"]): (string | number)[][] {
  const clusters = [...new Set([...Object.keys(servedBy.before), ...Object.keys(servedBy.during), ...Object.keys(servedBy.after)])].sort();
  return clusters.map((c) => [c, servedBy.before[c] ?? 0, servedBy.during[c] ?? 0, servedBy.after[c] ?? 0]);
}

function summary(r: DrillReportJson): string[] {
  return [
    `# Failover drill ${r.drill.name}`,
    "",
    r.verdict ? `**Verdict: ${r.verdict}**${r.reason ? ` — ${cell(r.reason)}` : ""}` : `**Phase: ${r.phase}** (no verdict yet)`,
    "",
    ...table(["", ""], [
      ["Cluster", r.drill.cluster],
      ["Namespace", r.drill.namespace],
      ["Service", r.service],
      ["Fault", r.fault],
      ["Maximum duration", r.maxDuration],
      ["Stop condition", `error rate above ${pct(r.stopCondition.errorRateAbove)} for more than ${r.stopCondition.forSeconds} s`],
      ["Phase", r.phase],
      ["Started", utc(r.startedAt)],
      ["Finished", r.finishedAt ? `${utc(r.finishedAt)}${r.durationSeconds === undefined ? "" : ` (after ${formatSeconds(r.durationSeconds)})`}` : undefined],
    ]),
  ];
}

function figures(r: DrillReportJson): string[] {
  const servedBy = servedByRows(r.servedBy);
  return [
    "## Figures",
    "",
    ...table(["Figure", "Value"], [
      ["Time to shift", secs(r.figures.timeToShiftSeconds)],
      ["Failed requests", r.figures.failedRequests],
      ["Time to restore", secs(r.figures.timeToRestoreSeconds)],
      ["Baseline", baselineText(r.figures.baseline)],
    ]),
    "",
    "## Served by (successful probe requests)",
    "",
    ...(servedBy.length > 0 ? table(["Cluster", "Before", "During", "After"], servedBy) : ["No request was recorded."]),
  ];
}

function history(r: DrillReportJson): string[] {
  return [
    "## Timeline",
    "",
    ...table(["At", "Offset", "Phase", "What happened"], r.timeline.map((t) => [utc(t.at), t.offsetSeconds === undefined ? undefined : `+${formatSeconds(t.offsetSeconds)}`, t.phase, t.message])),
    "",
    "## Conditions",
    "",
    ...table(["Type", "Status", "Reason", "Message"], r.conditions.map((c) => [c.type, c.status, c.reason, c.message])),
  ];
}

function undoRecord(undo: DrillReportJson["undo"]): string[] {
  if (!undo || (undo.deployments.length === 0 && undo.pods.length === 0 && !undo.probePod)) return [];
  return [
    "",
    "## Undo record",
    "",
    ...undo.deployments.map((d) => `- Deployment ${d.name}: ${d.replicas} replica${d.replicas === 1 ? "" : "s"}${d.uid ? ` (uid ${d.uid})` : ""}`),
    ...undo.pods.map((p) => `- Pod ${p.name} annotated${p.uid ? ` (uid ${p.uid})` : ""}`),
    ...(undo.probePod ? [`- Probe Pod ${undo.probePod}`] : []),
    `- Restored: ${undo.restored ? "yes" : "not yet"}`,
  ];
}

export function drillReportMarkdown(input: DrillReportInput): string {
  const r = drillReportJson(input);
  return `${[...summary(r), "", ...figures(r), "", ...history(r), ...undoRecord(r.undo)].join("\n")}\n`;
}
