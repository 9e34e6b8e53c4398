// What a failed write means for the registry. client-node's ApiException has the HTTP status in `code` and the
// Status object as a JSON *string* in `body`. A 409 is either a server-side apply conflict with another field
// manager (causes[].reason FieldManagerConflict: shown to the user, never forced) or a failed precondition /
// optimistic lock (the object changed since we observed it: re-observe and decide again).
import { toClusterError } from "./cluster-error";

export type WriteFailure = {
  kind: "conflict" | "stale-precondition" | "gone" | "rejected" | "unreachable";
  message: string;
};

type Status = { reason?: string; message?: string; details?: { causes?: Array<{ reason?: string; field?: string; message?: string }> } };

function parseStatus(body: unknown): Status {
  if (typeof body !== "string") return typeof body === "object" && body !== null ? (body as Status) : {};
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === "object" && parsed !== null ? (parsed as Status) : {};
  } catch {
    return {};
  }
}

export function classifyWriteError(cluster: string, what: string, err: unknown): WriteFailure {
  const code = (err as { code?: unknown }).code;
  if (typeof code !== "number") return { kind: "unreachable", message: toClusterError(cluster, err).message };
  const status = parseStatus((err as { body?: unknown }).body);
  const causes = status.details?.causes ?? [];
  const conflicts = causes.filter((c) => c.reason === "FieldManagerConflict");
  if (code === 409 && conflicts.length > 0) {
    const fields = conflicts.map((c) => `${c.field ?? "?"} (${c.message ?? "owned by another manager"})`).join("; ");
    return { kind: "conflict", message: `${what} in ${cluster}: another field manager owns ${fields}; the console does not force it. Resolve the ownership or remove the other writer.` };
  }
  if (code === 409) return { kind: "stale-precondition", message: `${what} in ${cluster} changed since it was observed; it will be re-read.` };
  if (code === 404) return { kind: "gone", message: `${what} in ${cluster} no longer exists.` };
  if (code === 401 || code === 403) return { kind: "unreachable", message: toClusterError(cluster, err).message };
  const detail = status.message ? `: ${status.message}` : "";
  return { kind: "rejected", message: `${cluster} rejected ${what} (HTTP ${code}${detail}).` };
}
