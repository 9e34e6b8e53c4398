// A WorkspaceSetting change — "expose all" or "expose these FQDNs" — as the apply configuration to send to the
// management cluster, in the form the cluster serves: the seed's `settings.tetrate.io/v1alpha1`, or TSB's
// `tsb.tetrate.io/v2` (adapter: workspace-setting-tsb.ts).
//
// "Expose all" leaves `exposedServices` out of the apply configuration. Server-side apply then removes the
// field only if the console's field manager was its sole owner; if another manager (kubectl, GitOps) set it,
// the field stays and nothing changes — the server wiring must show that (expose-all.ts, and the dry-run
// diff) instead of claiming success.
import { z } from "zod";
import { uniqueSorted } from "@/lib/plan/json";
import type { ClusterInput, WorkspaceInput } from "@/lib/plan/input";
import { exposedServiceErrors } from "@/lib/validation/exposed-service";
import { invalid, parseWith, valid, type FieldError, type Validated } from "@/lib/validation/field-error";
import { workspaceContext, type WorkspaceContext } from "@/lib/validation/workspace-lookup";
import type { Manifest } from "./manifest";
import { serviceLabelsFor, tsbWorkspaceSetting, type TsbParent } from "./workspace-setting-tsb";
import { settingTarget, targetLabels, type SettingTarget } from "./workspace-setting-target";

export const SEED_SETTINGS_API_VERSION = "settings.tetrate.io/v1alpha1";

/**
 * Which WorkspaceSetting API the management cluster serves (found by discovery on the server). For TSB's form
 * the caller names the existing setting, if any: the seed-form reader cannot see TSB settings (they name their
 * workspace by annotation), and a workspace must never get a second one.
 */
export type WorkspaceSettingApi = { form: "seed" } | { form: "tsb"; parent: TsbParent; existing?: { name: string; namespace: string } };

export const workspaceSettingRequestSchema = z.object({
  workspace: z.string({ error: "workspace is required" }).min(1, { error: "workspace is required" }),
  exposure: z.discriminatedUnion(
    "mode",
    [
      z.object({ mode: z.literal("all") }),
      z.object({
        mode: z.literal("selected"),
        services: z.array(z.string(), { error: "services must be a list of FQDNs" }).min(1, { error: "choose at least one service, or expose all" }),
      }),
    ],
    { error: 'exposure must be {mode: "all"} or {mode: "selected", services: [...]}' },
  ),
});
export type WorkspaceSettingRequest = z.input<typeof workspaceSettingRequestSchema>;

export type WorkspaceSettingPlan = { manifest: Manifest; target: SettingTarget };

export function seedWorkspaceSetting(target: SettingTarget, services: readonly string[] | undefined): Manifest {
  return {
    apiVersion: SEED_SETTINGS_API_VERSION,
    kind: "WorkspaceSetting",
    metadata: { name: target.name, namespace: target.namespace, ...targetLabels(target) },
    spec: {
      workspace: target.workspace,
      defaultEastWestGatewaySettings: {
        workloadSelector: target.workloadSelector,
        ...(services === undefined ? {} : { exposedServices: uniqueSorted(services) }),
      },
    },
  };
}

function build(target: SettingTarget, services: string[] | undefined, api: WorkspaceSettingApi, ctx: WorkspaceContext): Validated<Manifest> {
  if (api.form === "seed") return valid(seedWorkspaceSetting(target, services));
  if (services === undefined) return valid(tsbWorkspaceSetting({ target, parent: api.parent, ctx }));
  const errors: FieldError[] = [];
  const serviceLabels = services.flatMap((fqdn, i) => {
    const mapped = serviceLabelsFor(`exposure.services.${i}`, fqdn, ctx);
    if ("error" in mapped) errors.push(mapped.error);
    return "labels" in mapped ? [mapped.labels] : [];
  });
  return errors.length > 0 ? invalid(errors) : valid(tsbWorkspaceSetting({ target, parent: api.parent, ctx, serviceLabels }));
}

/** Validates a change request against the fleet and builds its apply configuration. */
export function planWorkspaceSetting(
  raw: unknown,
  fleet: { clusters: readonly ClusterInput[]; workspaces: readonly WorkspaceInput[] },
  api: WorkspaceSettingApi,
): Validated<WorkspaceSettingPlan> {
  const parsed = parseWith(workspaceSettingRequestSchema, raw);
  if (!parsed.ok) return parsed;
  const { workspace, exposure } = parsed.value;
  const found = workspaceContext("workspace", workspace, fleet);
  if (!found.ok) return invalid([found.error]);
  const target = settingTarget(found.context.workspace, api.form === "tsb" ? api.existing : undefined);
  if (!target) return invalid([{ field: "workspace", message: `workspace ${workspace} has no namespace to hold a new WorkspaceSetting; create the setting next to the Workspace first.` }]);
  const services = exposure.mode === "all" ? undefined : exposure.services;
  const errors = services === undefined ? [] : exposedServiceErrors("exposure.services", services, found.context);
  if (errors.length > 0) return invalid(errors);
  const manifest = build(target, services, api, found.context);
  return manifest.ok ? valid({ manifest: manifest.value, target }) : manifest;
}
