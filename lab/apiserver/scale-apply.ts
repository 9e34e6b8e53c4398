// Server-side apply on a Deployment's /scale (application/apply-patch+yaml): the applied autoscaling/v1 Scale's
// spec.replicas is applied to the Deployment's spec.replicas, and ownership is recorded on the Deployment with
// subresource "scale" (upstream's scale handler maps Scale fields onto the parent's). An unforced apply that
// changes replicas another manager owns is a 409 conflict naming .spec.replicas; force=true takes them over.
import { parse } from "yaml";
import { fieldManagerOf, isDryRun, type RequestContext } from "./context";
import { readBody } from "./http-util";
import { nowTimestamp } from "./object-meta";
import { isRecord } from "./object-util";
import { checkApplyOptions, serverSideApply } from "./patch/index";
import { badRequest, invalid } from "./status";
import type { KubeObject } from "./types";

function decodeScale(text: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = parse(text);
  } catch (err) {
    throw badRequest(`error decoding YAML: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!isRecord(parsed)) throw badRequest("error decoding YAML: json: cannot unmarshal into Go value of type map[string]interface {}");
  if (parsed.apiVersion !== "autoscaling/v1" || parsed.kind !== "Scale") {
    const apiVersion = typeof parsed.apiVersion === "string" ? parsed.apiVersion : "";
    const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
    throw badRequest(`invalid object type: ${group ?? ""}/${version ?? ""}, Kind=${typeof parsed.kind === "string" ? parsed.kind : ""}`);
  }
  return parsed;
}

function appliedReplicas(ctx: RequestContext, name: string, scale: Record<string, unknown>): number | undefined {
  const replicas = isRecord(scale.spec) ? scale.spec.replicas : undefined;
  if (replicas === undefined) return undefined;
  if (typeof replicas !== "number" || !Number.isInteger(replicas) || replicas < 0) {
    const scaleType = { ...ctx.route.type, group: "autoscaling", kind: "Scale" };
    throw invalid(scaleType, name, [{ field: "spec.replicas", reason: "FieldValueInvalid", detail: `Invalid value: ${JSON.stringify(replicas)}: must be greater than or equal to 0` }]);
  }
  return replicas;
}

/** Applies the request's Scale to `deployment` and stores the result; returns the stored Deployment. */
export async function applyScale(ctx: RequestContext, deployment: KubeObject): Promise<KubeObject> {
  const manager = checkApplyOptions(ctx.query.get("fieldManager") ?? undefined);
  const scale = decodeScale(await readBody(ctx.req));
  const name = deployment.metadata.name ?? "";
  const meta = isRecord(scale.metadata) ? scale.metadata : {};
  if (typeof meta.name === "string" && meta.name !== name) {
    throw badRequest(`the name of the object (${meta.name}) does not match the name on the URL (${name})`);
  }
  const replicas = appliedReplicas(ctx, name, scale);
  const config: Record<string, unknown> = { apiVersion: deployment.apiVersion, kind: deployment.kind };
  if (replicas !== undefined) config.spec = { replicas };
  const result = serverSideApply({
    type: ctx.route.type, existing: deployment, config, manager, force: ctx.query.get("force") === "true", subresource: "scale", now: nowTimestamp(),
  });
  return ctx.store.update(ctx.route.type, result, { keepManagedFields: true, dryRun: isDryRun(ctx), subresource: "scale", fieldManager: fieldManagerOf(ctx) });
}
