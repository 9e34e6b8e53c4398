// capManagersManager: at most 10 Update entries survive a write; the oldest are folded, per apiVersion, into an
// "ancient-changes" Update entry (which takes the time of the last entry merged into it), so managedFields of a
// long-lived object edited by many clients stay bounded. Apply entries are never folded.
import { union } from "./field-set";
import { identity, seconds, type ManagerSet } from "./managed-fields";

export const MAX_UPDATE_MANAGERS = 10;
const BUCKET = "ancient-changes";

export function capUpdateManagers(sets: ManagerSet[], max = MAX_UPDATE_MANAGERS): ManagerSet[] {
  const updaters = sets.filter((entry) => entry.operation === "Update");
  if (updaters.length <= max) return sets;
  updaters.sort((a, b) => seconds(a.time) - seconds(b.time) || (identity(a) < identity(b) ? -1 : 1));
  let result = [...sets];
  const firstByVersion = new Map<string, ManagerSet>();
  let length = updaters.length;
  for (const entry of updaters) {
    if (length <= max) break;
    const first = firstByVersion.get(entry.apiVersion);
    if (!first) {
      firstByVersion.set(entry.apiVersion, entry);
      continue;
    }
    const bucketKey = identity({ manager: BUCKET, operation: "Update", apiVersion: entry.apiVersion });
    const existing = result.find((s) => identity(s) === bucketKey);
    // The first entry of this version becomes the bucket if there is none yet.
    const bucket = existing ?? { manager: BUCKET, operation: "Update" as const, apiVersion: entry.apiVersion, set: first.set };
    result = result.filter((s) => s !== entry && s !== existing && (existing !== undefined || s !== first));
    result.push({ ...bucket, set: union(entry.set, bucket.set), ...(entry.time ? { time: entry.time } : {}) });
    length--;
  }
  return result;
}
