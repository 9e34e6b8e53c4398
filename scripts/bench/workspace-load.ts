// What the team does during the measured run (bench-workspace.ts): exposure previews spread over the workspaces
// (each narrows its workspace from "expose all" to half its services: consequences in every cluster), removal
// previews of the gateway in ns-001 (the console deployed it: the preview computes what stops working), one
// cluster each, workspace.detail spread over the workspaces, and workspace.list.
import type { GatewayRemovePreview, WorkspaceDetail } from "@/lib/workspace-view/types";
import type { CallKind } from "./team-load";
import { trpcCall } from "./trpc-http";

export type LoadPlan = { exposure: number; removal: number; detail: number; list: number };
export const DEFAULT_LOAD: LoadPlan = { exposure: 10, removal: 10, detail: 100, list: 20 };

/** Removal previews that really computed consequences (the gateway proven the console's), for the report. */
export type RemovalTally = { removable: number; refused: string[] };

export function teamCalls(base: string, details: readonly WorkspaceDetail[], load: LoadPlan, tally: RemovalTally): CallKind[] {
  const pick = (i: number): WorkspaceDetail => {
    const d = details[i % details.length];
    if (!d) throw new Error("no workspace to call");
    return d;
  };
  const home = details.find((d) => d.namespaceSelector.some((s) => s.endsWith("/ns-001") || s === "*/ns-*")) ?? pick(0);
  const clusters = home.clusters.map((c) => c.name);
  const exposure = Array.from({ length: load.exposure }, (_, i) => () => {
    const d = pick(i);
    const services = d.services.slice(0, Math.max(1, Math.floor(d.services.length / 2))).map((s) => s.fqdn);
    return trpcCall(base, "workspace.exposurePreview", "mutation", { workspace: d.name, exposure: { mode: "selected", services } });
  });
  const removal = Array.from({ length: load.removal }, (_, i) => async () => {
    const input = { workspace: home.name, cluster: clusters[i % clusters.length] ?? "", namespace: "ns-001", name: "eastwest-gateway" };
    const preview = await trpcCall<GatewayRemovePreview>(base, "workspace.gatewayRemovePreview", "mutation", input);
    if (preview.removable) tally.removable += 1;
    else tally.refused.push(preview.refusal ?? "refused");
  });
  const detail = Array.from({ length: load.detail }, (_, i) => () => trpcCall(base, "workspace.detail", "query", { workspace: pick(i).name }));
  const list = Array.from({ length: load.list }, () => () => trpcCall(base, "workspace.list", "query", undefined));
  return [
    { name: "exposure preview", users: 2, calls: exposure },
    { name: "gateway-removal preview", users: 2, calls: removal },
    { name: "workspace.detail", users: details.length, calls: detail },
    { name: "workspace.list", users: 1, calls: list },
  ];
}
