// pods/log: a container's log as the kubelet serves it through the API server (text/plain). Options as
// PodLogOptions: container, tailLines, sinceTime / sinceSeconds (lines written at or after that time: the
// kubelet compares each CRI log line's timestamp), timestamps (each line prefixed with its RFC3339Nano time and a
// space), limitBytes, and follow (the response stays open and new lines are streamed until the container stops,
// the client goes away or the server shuts down; `kubectl logs -f` prints them as they come).
import type { ContainerLog, LogEntry, RequestContext } from "./context";
import { sendText } from "./http-util";
import { isRecord } from "./object-util";
import { badRequest, notFound } from "./status";

interface LogOptions {
  since?: Date;
  tailLines?: number;
  timestamps: boolean;
  follow: boolean;
  limitBytes?: number;
}

function nonNegativeInteger(query: URLSearchParams, name: string, min: number): number | undefined {
  const raw = query.get(name);
  if (raw === null || raw === "") return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw badRequest(`${name}: Invalid value: ${raw}: must be an integer ≥ ${min}`);
  return value;
}

function logOptions(query: URLSearchParams): LogOptions {
  const sinceTime = query.get("sinceTime");
  const sinceSeconds = nonNegativeInteger(query, "sinceSeconds", 1);
  if (sinceTime && sinceSeconds !== undefined) throw badRequest("at most one of `sinceTime` or `sinceSeconds` may be specified");
  let since: Date | undefined;
  if (sinceTime) {
    since = new Date(sinceTime);
    if (Number.isNaN(since.getTime())) throw badRequest(`parsing time "${sinceTime}" as RFC3339: cannot parse`);
  } else if (sinceSeconds !== undefined) since = new Date(Date.now() - sinceSeconds * 1000);
  return {
    since,
    tailLines: nonNegativeInteger(query, "tailLines", 0),
    timestamps: query.get("timestamps") === "true",
    follow: query.get("follow") === "true",
    limitBytes: nonNegativeInteger(query, "limitBytes", 1),
  };
}

/** A provider's plain text as entries without times. */
function fromText(text: string): ContainerLog {
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return { entries: lines.map((line) => ({ text: line })) };
}

function selectedEntries(log: ContainerLog, options: LogOptions): LogEntry[] {
  const { since, tailLines } = options;
  const kept = since ? log.entries.filter((e) => !e.time || e.time.getTime() >= since.getTime()) : log.entries;
  return tailLines === undefined ? kept : kept.slice(Math.max(0, kept.length - tailLines));
}

function format(entry: LogEntry, timestamps: boolean): string {
  return timestamps && entry.time ? `${entry.time.toISOString()} ${entry.text}\n` : `${entry.text}\n`;
}

function containerOf(ctx: RequestContext, name: string): string {
  const pod = ctx.store.get(ctx.route.type, ctx.route.namespace, name);
  if (!pod) throw notFound(ctx.route.type, name);
  const container = ctx.query.get("container") ?? undefined;
  const containers = isRecord(pod.spec) && Array.isArray(pod.spec.containers) ? pod.spec.containers.filter(isRecord).map((c) => String(c.name)) : [];
  if (container && !containers.includes(container)) throw badRequest(`container ${container} is not valid for pod ${name}`);
  if (!container && containers.length > 1) {
    throw badRequest(`a container name must be specified for pod ${name}, choose one of: [${containers.join(" ")}]`);
  }
  return container ?? containers[0] ?? "";
}

/** Streams the selected lines, then new ones until the container stops, the client leaves or the server closes. */
function stream(ctx: RequestContext, log: ContainerLog, follow: NonNullable<ContainerLog["follow"]>, options: LogOptions): void {
  const { res } = ctx;
  let budget = options.limitBytes ?? Infinity;
  let unsubscribe: () => void = () => undefined;
  const finish = (): void => {
    unsubscribe();
    ctx.closing.removeEventListener("abort", finish);
    if (!res.writableEnded) res.end();
  };
  const write = (entry: LogEntry): void => {
    if (res.writableEnded) return;
    const text = Buffer.from(format(entry, options.timestamps)).subarray(0, budget);
    budget -= text.length;
    res.write(text);
    if (budget <= 0) finish();
  };
  res.writeHead(200, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-cache, private" });
  res.flushHeaders();
  for (const entry of selectedEntries(log, options)) write(entry);
  if (res.writableEnded) return;
  unsubscribe = follow(write, finish);
  res.on("close", finish);
  if (ctx.closing.aborted) finish();
  else ctx.closing.addEventListener("abort", finish);
}

export function handleLog(ctx: RequestContext, name: string): void {
  const container = containerOf(ctx, name);
  const options = logOptions(ctx.query);
  const namespace = ctx.route.namespace ?? "";
  const log = ctx.logs?.open?.(namespace, name, container) ?? fromText(ctx.logs?.(namespace, name, container) ?? "");
  if (options.follow && log.follow) {
    stream(ctx, log, log.follow, options);
    return;
  }
  const text = selectedEntries(log, options).map((e) => format(e, options.timestamps)).join("");
  sendText(ctx.res, 200, options.limitBytes === undefined ? text : Buffer.from(text).subarray(0, options.limitBytes).toString("utf8"));
}
