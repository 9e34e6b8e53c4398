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
import { grouped } from "@/lib/validation/bounded-text";
import { exposedServiceErrors } from "@/lib/validation/exposed-service";
import { invalid, parseWith, valid, type FieldError, type Validated } from "@/lib/validation/field-error";
import { MAX_NAME_LENGTH, MAX_SERVICES } from "@/lib/validation/limits";
import { workspaceContext, type WorkspaceContext } from "@/lib/validation/workspace-lookup";
import type { Manifest } from "./manifest";
import { labelIndexOf, serviceLabelsFor, tsbWorkspaceSetting, type TsbParent } from "./workspace-setting-tsb";
import { settingTarget, targetLabels, type SettingTarget } from "./workspace-setting-target";

export const SEED_SETTINGS_API_VERSION = "settings.tetrate.io/v1alpha1";

/**
 * Which WorkspaceSetting API the management cluster serves (found by discovery on the server). For TSB's form
 * the caller names the existing setting, if any: the seed-form reader cannot see TSB settings (they name their
 * workspace by annotation), and a workspace must never get a second one.
 */
export type WorkspaceSettingApi = { form: "seed" } | { form: "tsb"; parent: TsbParent; existing?: { name: string; namespace: string } };

export const workspaceSettingRequestSchema = z.object({
  workspace: z.string({ error: "workspace is required" }).min(1, { error: "workspace is required" }).max(MAX_NAME_LENGTH, { error: `workspace is longer than ${MAX_NAME_LENGTH} characters` }),
  exposure: z.discriminatedUnion(
    "mode",
    [
      z.object({ mode: z.literal("all") }),
      z.object({
        mode: z.literal("selected"),
        services: z
          .array(z.string().max(MAX_NAME_LENGTH, { error: `a service FQDN is longer than ${MAX_NAME_LENGTH} characters` }), { error: "services must be a list of FQDNs" })
          .min(1, { error: "choose at least one service, or expose all" })
          .max(MAX_SERVICES, { error: `at most ${grouped(MAX_SERVICES)} services per request; expose all instead, or split the change` }),
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
  const index = labelIndexOf(ctx);
  const serviceLabels = services.flatMap((fqdn, i) => {
    const mapped = serviceLabelsFor(`exposure.services.${i}`, fqdn, ctx, index);
    if ("error" in mapped) errors.push(mapped.error);
    return "labels" in mapped ? [mapped.labels] : [];
  });
  return errors.length > 0 ? invalid(errors) : valid(tsbWorkspaceSetting({ target, parent: api.parent, ctx, serviceLabels }));
}

/**
 * A parsed request with its workspace and the setting it changes, before its services are checked: the server
 * checks a long list in slices (exposedServiceChecker), yielding to the event loop between them, then builds.
 */
export type PreparedSetting = { services: string[] | undefined; ctx: WorkspaceContext; target: SettingTarget };

export function prepareWorkspaceSetting(
  raw: unknown,
  fleet: { clusters: readonly ClusterInput[]; workspaces: readonly WorkspaceInput[] },
  api: WorkspaceSettingApi,
): Validated<PreparedSetting> {
  const parsed = parseWith(workspaceSettingRequestSchema, raw);
  if (!parsed.ok) return parsed;
  const { workspace, exposure } = parsed.value;
  const found = workspaceContext("workspace", workspace, fleet);
  if (!found.ok) return invalid([found.error]);
  const target = settingTarget(found.context.workspace, api.form === "tsb" ? api.existing : undefined);
  if (!target) return invalid([{ field: "workspace", message: `workspace ${workspace} has no namespace to hold a new WorkspaceSetting; create the setting next to the Workspace first.` }]);
  return valid({ services: exposure.mode === "all" ? undefined : exposure.services, ctx: found.context, target });
}

/** The apply configuration of a prepared request whose services passed exposedServiceErrors. */
export function buildWorkspaceSetting(prepared: PreparedSetting, api: WorkspaceSettingApi): Validated<WorkspaceSettingPlan> {
  const manifest = build(prepared.target, prepared.services, api, prepared.ctx);
  return manifest.ok ? valid({ manifest: manifest.value, target: prepared.target }) : manifest;
}

/** Validates a change request against the fleet and builds its apply configuration. */
export function planWorkspaceSetting(
  raw: unknown,
  fleet: { clusters: readonly ClusterInput[]; workspaces: readonly WorkspaceInput[] },
  api: WorkspaceSettingApi,
): Validated<WorkspaceSettingPlan> {
  const prepared = prepareWorkspaceSetting(raw, fleet, api);
  if (!prepared.ok) return prepared;
  const { services, ctx } = prepared.value;
  const errors = services === undefined ? [] : exposedServiceErrors("exposure.services", services, ctx);
  return errors.length > 0 ? invalid(errors) : buildWorkspaceSetting(prepared.value, api);
}
