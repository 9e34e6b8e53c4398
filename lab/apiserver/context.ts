// What every resource handler receives, and the small conversions they share.
import type { IncomingMessage, ServerResponse } from "node:http";
import { defaultedForRead } from "./custom-admission";
import { apiVersionOf } from "./define-type";
import { optionsType } from "./list-options";
import { invalid } from "./status";
import type { Output } from "./negotiate";
import type { ResourceRoute } from "./router";
import type { IncludeObject } from "./table";
import type { ClusterStore, KubeObject } from "./types";

/** One line of a container's log as the kubelet keeps it (CRI log format): when it was written, and its text. */
export interface LogEntry {
  /** Undefined for text from a provider that keeps no times (such lines pass every sinceTime filter). */
  time?: Date;
  text: string;
}

/** A container's log: the lines so far and, while the container can still write, a way to follow new ones. */
export interface ContainerLog {
  entries: LogEntry[];
  /** Calls onEntry for each line written from now on, onEnd once the container has stopped; returns unsubscribe. */
  follow?(onEntry: (entry: LogEntry) => void, onEnd: () => void): () => void;
}

/**
 * A pod's container log as plain text (undefined → 404). A provider may also `open` the log as entries with their
 * times and a follow (what `kubectl logs --since-time/--timestamps/-f` need); without it, the text is served.
 */
export type LogProvider = ((namespace: string, pod: string, container?: string) => string | undefined) & {
  open?: (namespace: string, pod: string, container: string) => ContainerLog | undefined;
};

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  query: URLSearchParams;
  route: ResourceRoute;
  store: ClusterStore;
  output: Output;
  logs?: LogProvider;
  /** Resolves when the server shuts down (ends open watches). */
  closing: AbortSignal;
}

/**
 * Objects are stored in the storage version and served in the requested one (the Istio versions share a schema),
 * with their schema's defaults applied as upstream applies them to what it reads from etcd.
 */
export function served(ctx: RequestContext, object: KubeObject): KubeObject {
  return { ...defaultedForRead(ctx.route.type, object), apiVersion: apiVersionOf(ctx.route.group, ctx.route.version) };
}

export function includeObject(ctx: RequestContext): IncludeObject {
  const value = ctx.query.get("includeObject");
  return value === "None" || value === "Object" ? value : "Metadata";
}

const OPTIONS_KIND: Record<string, string> = { POST: "CreateOptions", PUT: "UpdateOptions", PATCH: "PatchOptions", DELETE: "DeleteOptions" };

/** dryRun=All means "validate, store nothing"; any other value is 422 on the request's options kind, as upstream. */
export function isDryRun(ctx: RequestContext): boolean {
  const values = ctx.query.getAll("dryRun");
  if (values.some((v) => v !== "All")) {
    const kind = OPTIONS_KIND[ctx.req.method ?? ""] ?? "CreateOptions";
    const shown = `[]string{${values.map((v) => `"${v}"`).join(", ")}}`;
    throw invalid(optionsType(kind), "", [{ field: "dryRun", reason: "FieldValueNotSupported", detail: `Unsupported value: ${shown}: supported values: "All"` }]);
  }
  return values.length > 0;
}

/** The manager recorded for non-apply writes: ?fieldManager, else the User-Agent up to its first "/" (upstream's prefixFromUserAgent). */
export function fieldManagerOf(ctx: RequestContext): string {
  const explicit = ctx.query.get("fieldManager");
  if (explicit) return explicit;
  const agent = ctx.req.headers["user-agent"];
  if (agent) return agent.split("/")[0] ?? "unknown";
  return "unknown";
}
