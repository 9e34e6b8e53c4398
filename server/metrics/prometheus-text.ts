// The Prometheus text exposition format (version 0.0.4), for GET /api/metrics: one `# HELP` and `# TYPE` line per
// family, then one line per sample. Pure; the collector decides what the families are.

export type MetricSample = { labels?: Readonly<Record<string, string>>; value: number };
export type MetricFamily = { name: string; help: string; type: "gauge" | "counter"; samples: readonly MetricSample[] };

export const PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** Backslash, double quote and newline are the only escapes the format knows (HELP escapes no quotes). */
const escapeLabel = (v: string) => v.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
const escapeHelp = (v: string) => v.replace(/\\/g, "\\\\").replace(/\n/g, "\\n");

function formatValue(v: number): string {
  if (Number.isNaN(v)) return "NaN";
  if (v === Infinity) return "+Inf";
  if (v === -Infinity) return "-Inf";
  return String(v);
}

function formatLabels(labels: Readonly<Record<string, string>> | undefined): string {
  const entries = Object.entries(labels ?? {});
  if (entries.length === 0) return "";
  for (const [k] of entries) if (!LABEL.test(k)) throw new Error(`metrics: invalid label name ${JSON.stringify(k)}`);
  return `{${entries.map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(",")}}`;
}

export function prometheusText(families: readonly MetricFamily[]): string {
  const lines: string[] = [];
  for (const f of families) {
    // A name the format cannot carry is a programming error here, not something to publish half-broken.
    if (!NAME.test(f.name)) throw new Error(`metrics: invalid metric name ${JSON.stringify(f.name)}`);
    lines.push(`# HELP ${f.name} ${escapeHelp(f.help)}`, `# TYPE ${f.name} ${f.type}`);
    for (const s of f.samples) lines.push(`${f.name}${formatLabels(s.labels)} ${formatValue(s.value)}`);
  }
  return `${lines.join("\n")}\n`;
}
