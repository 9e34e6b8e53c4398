// Reading a server-side apply conflict. When an apply would change a field another field manager owns, the API
// server answers 409 with a Status whose `details.causes[]` name each field (`reason: FieldManagerConflict`,
// `field: .spec.x`, message `conflict with "<manager>"`, plus ` using <apiVersion>` when that manager wrote with
// an update rather than an apply, and ` with subresource "<name>"` for status writes). The console never forces
// silently: the UI lists these owners and lets a person decide (fix the other side, or re-apply with force).
import { z } from "zod";

export type FieldConflict = {
  /** The field path without its leading dot: `spec.defaultEastWestGatewaySettings.exposedServices`. */
  field: string;
  manager: string;
  /** How the owner wrote the field: server-side apply, or an update (create/replace/patch, client-side apply). */
  operation: "Apply" | "Update";
  /** A sentence for the UI: `spec.x is owned by kubectl-client-side-apply`. */
  summary: string;
};

export type ApplyConflictResult =
  | { kind: "conflicts"; conflicts: FieldConflict[]; message: string }
  | { kind: "not-a-conflict"; message: string };

const causeSchema = z.object({ reason: z.string().optional(), message: z.string().optional(), field: z.string().optional() });
const statusSchema = z.object({
  kind: z.literal("Status").optional(),
  code: z.number().optional(),
  reason: z.string().optional(),
  message: z.string().optional(),
  details: z.object({ causes: z.array(causeSchema).optional() }).optional(),
});

const MANAGER = /^conflict with "((?:[^"\\]|\\.)*)"(?: with subresource "[^"]*")?(?: using (\S+))?/;

function conflictOf(cause: z.infer<typeof causeSchema>): FieldConflict | undefined {
  if (cause.reason !== "FieldManagerConflict") return undefined;
  const match = MANAGER.exec(cause.message ?? "");
  const raw = match?.[1];
  const manager = raw === undefined ? "another field manager" : raw.replaceAll('\\"', '"').replaceAll("\\\\", "\\");
  const field = (cause.field ?? "").replace(/^\./, "") || "(unknown field)";
  const operation = match?.[2] === undefined ? "Apply" : "Update";
  return { field, manager, operation, summary: `${field} is owned by ${manager}` };
}

/** Interprets an API error body; anything but a 409 with FieldManagerConflict causes is `not-a-conflict`. */
export function interpretApplyConflict(body: unknown): ApplyConflictResult {
  const parsed = statusSchema.safeParse(body);
  if (!parsed.success) return { kind: "not-a-conflict", message: "the response is not a Kubernetes Status" };
  const status = parsed.data;
  const message = status.message ?? "";
  const conflicts = (status.details?.causes ?? []).flatMap((c) => conflictOf(c) ?? []);
  if (status.code !== 409 || conflicts.length === 0) return { kind: "not-a-conflict", message };
  return { kind: "conflicts", conflicts, message };
}
