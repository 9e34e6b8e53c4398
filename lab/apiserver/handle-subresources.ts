// /scale (autoscaling/v1 Scale over a Deployment's spec.replicas): GET, PUT, merge/strategic patches, and
// server-side apply (scale-apply.ts); writes are recorded in managedFields with subresource "scale". pods/log is
// served by handle-log.ts.
import { decodeObject } from "./body";
import { fieldManagerOf, isDryRun, type RequestContext } from "./context";
import { mediaType, readBodyBytes, sendJson } from "./http-util";
import { clone, isRecord } from "./object-util";
import { applyScale } from "./scale-apply";
import { badRequest, conflict, notFound, unsupportedMediaType } from "./status";
import type { KubeObject } from "./types";

function selectorString(deployment: KubeObject): string {
  const selector = isRecord(deployment.spec) && isRecord(deployment.spec.selector) ? deployment.spec.selector : {};
  const labels = isRecord(selector.matchLabels) ? selector.matchLabels : {};
  return Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${String(v)}`).join(",");
}

function toScale(deployment: KubeObject): Record<string, unknown> {
  const { name, namespace, uid, resourceVersion, creationTimestamp } = deployment.metadata;
  const spec = isRecord(deployment.spec) ? deployment.spec : {};
  const status = isRecord(deployment.status) ? deployment.status : {};
  return {
    kind: "Scale", apiVersion: "autoscaling/v1", metadata: { name, namespace, uid, resourceVersion, creationTimestamp },
    spec: { replicas: spec.replicas ?? 0 }, status: { replicas: status.replicas ?? 0, selector: selectorString(deployment) },
  };
}

function existingOrThrow(ctx: RequestContext, name: string): KubeObject {
  const object = ctx.store.get(ctx.route.type, ctx.route.namespace, name);
  if (!object) throw notFound(ctx.route.type, name);
  return object;
}

/** RFC 7386 merge patch; Scale has no lists, so a strategic merge patch of it merges the same way. */
function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isRecord(patch)) return patch;
  const out: Record<string, unknown> = isRecord(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key], value);
  }
  return out;
}

async function desiredScale(ctx: RequestContext, current: Record<string, unknown>): Promise<Record<string, unknown>> {
  const raw = await readBodyBytes(ctx.req);
  if (ctx.req.method === "PUT") return decodeObject(raw, ctx.req.headers["content-type"]);
  const text = raw.toString("utf8");
  const type = mediaType(ctx.req.headers["content-type"]);
  if (type !== "application/merge-patch+json" && type !== "application/strategic-merge-patch+json") {
    throw unsupportedMediaType(["application/merge-patch+json", "application/strategic-merge-patch+json", APPLY]);
  }
  let patch: unknown;
  try {
    patch = JSON.parse(text);
  } catch (err) {
    throw badRequest(`error decoding patch: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!isRecord(patch)) throw badRequest("error decoding patch: the patch is not a JSON object");
  const merged = mergePatch(current, patch);
  return isRecord(merged) ? merged : current;
}

const APPLY = "application/apply-patch+yaml";

export async function handleScale(ctx: RequestContext, name: string): Promise<void> {
  const deployment = existingOrThrow(ctx, name);
  if (ctx.req.method === "GET") {
    sendJson(ctx.res, 200, toScale(deployment));
    return;
  }
  if (ctx.req.method === "PATCH" && mediaType(ctx.req.headers["content-type"]) === APPLY) {
    sendJson(ctx.res, 200, toScale(await applyScale(ctx, deployment)));
    return;
  }
  const scale = await desiredScale(ctx, toScale(deployment));
  const meta = isRecord(scale.metadata) ? scale.metadata : {};
  if (typeof meta.resourceVersion === "string" && meta.resourceVersion !== deployment.metadata.resourceVersion) throw conflict(ctx.route.type, name);
  const replicas = isRecord(scale.spec) ? scale.spec.replicas : undefined;
  if (typeof replicas !== "number" || !Number.isInteger(replicas) || replicas < 0) {
    throw badRequest(`spec.replicas: Invalid value: ${JSON.stringify(replicas ?? null)}: must be a non-negative integer`);
  }
  const next = clone(deployment);
  next.spec = { ...(isRecord(next.spec) ? next.spec : {}), replicas };
  const updated = ctx.store.update(ctx.route.type, next, { fieldManager: fieldManagerOf(ctx), dryRun: isDryRun(ctx), subresource: "scale" });
  sendJson(ctx.res, 200, toScale(updated));
}

export { handleLog } from "./handle-log";
