// The registry's conditions that can appear on one workspace's page, as one digest: those about the workspace and
// those about no workspace (cluster-wide reports of foreign objects, DNS answers, write failures), whose subject the
// page matches against its own objects. Another workspace's conditions never move it.
import { hash53 } from "./namespace-digests";

export type ConditionLike = { severity: string; reason: string; message: string; workspace?: string; cluster?: string; subject?: string };

export function conditionsDigest(conditions: readonly ConditionLike[], workspace: string): string {
  const parts: string[] = [];
  for (const c of conditions) {
    if (c.workspace !== undefined && c.workspace !== workspace) continue;
    parts.push([c.severity, c.reason, c.workspace, c.cluster, c.subject, c.message].join("|"));
  }
  return hash53(parts.join("\n"));
}
