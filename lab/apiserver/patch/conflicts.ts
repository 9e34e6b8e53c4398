// The 409 an unforced apply gets when it would change fields another manager owns (apiserver's
// fieldmanager/internal NewConflictError + errors.NewApplyConflict): one FieldManagerConflict cause per field,
// and "Apply failed with N conflict(s): ..." grouping the paths by manager.
import { statusError } from "../status";
import type { StatusError } from "../types";
import { members } from "./field-set";
import { renderPath } from "./fields-v1";
import type { ManagerSet } from "./managed-fields";
import type { Conflict } from "./ownership";

/** printManager: `"m"`, `"m" with subresource "status"`, and for Update entries ` using <apiVersion>`. */
export function printManager(owner: ManagerSet): string {
  let text = JSON.stringify(owner.manager);
  if (owner.subresource) text += ` with subresource ${JSON.stringify(owner.subresource)}`;
  return owner.operation === "Update" ? `${text} using ${owner.apiVersion}` : text;
}

interface FieldConflict {
  manager: string;
  field: string;
}

export function conflictError(conflicts: Conflict[]): StatusError {
  const sorted = [...conflicts].sort((a, b) => order(a.owner).localeCompare(order(b.owner)));
  const all: FieldConflict[] = sorted.flatMap((c) =>
    members(c.set).map((path) => ({ manager: printManager(c.owner), field: renderPath(path) })),
  );
  const causes = all.map((c) => ({ reason: "FieldManagerConflict", message: `conflict with ${c.manager}`, field: c.field }));
  return statusError(409, "Conflict", conflictMessage(all), { causes });
}

function order(owner: ManagerSet): string {
  return `${owner.manager}\u0000${owner.operation}\u0000${owner.subresource ?? ""}`;
}

function conflictMessage(all: FieldConflict[]): string {
  const [only] = all;
  if (all.length === 1 && only) return `Apply failed with 1 conflict: conflict with ${only.manager}: ${only.field}`;
  const lines: string[] = [];
  let current = "";
  for (const c of all) {
    if (c.manager !== current) lines.push(`conflicts with ${c.manager}:`);
    current = c.manager;
    lines.push(`- ${c.field}`);
  }
  return `Apply failed with ${all.length} conflicts: ${lines.join("\n")}`;
}
