// The contract of `registry.status` (server/routers/registry.ts): a bounded input and one page of the answer.
// At fleet scale the registry's view is tens of thousands of objects and thousands of conditions, so the answer is
// per workspace when asked, its conditions grouped by reason (condition-groups.ts), per-cluster counts, and the
// objects that are not in sync a page at a time. Types and zod only: safe for the browser.
import { z } from "zod";
import { MAX_NAME_LENGTH } from "@/lib/validation/limits";
import type { ConditionGroup } from "./condition-groups";
import type { RegistryMode } from "./types";

export const STATUS_PAGE_MAX = 200;
export const STATUS_PAGE_DEFAULT = 50;
/** A cursor names one row (five names of at most MAX_NAME_LENGTH, as JSON, base64url): never longer than this. */
export const MAX_CURSOR_LENGTH = 2_048;

export const registryStatusInputSchema = z
  .object({
    workspace: z.string({ error: "workspace must be a string" }).min(1, { error: "workspace must not be empty" }).max(MAX_NAME_LENGTH, { error: `workspace is longer than ${MAX_NAME_LENGTH} characters` }).optional(),
    cursor: z
      .string({ error: "cursor must be a string" })
      .max(MAX_CURSOR_LENGTH, { error: `cursor is longer than ${MAX_CURSOR_LENGTH} characters` })
      .regex(/^[A-Za-z0-9_-]+$/, { error: "cursor is not one this console returned (use nextCursor as given)" })
      .optional(),
    limit: z.number({ error: "limit must be a number" }).int({ error: "limit must be a whole number" }).min(1, { error: "limit must be at least 1" }).max(STATUS_PAGE_MAX, { error: `limit must be at most ${STATUS_PAGE_MAX}` }).default(STATUS_PAGE_DEFAULT),
  })
  .default({ limit: STATUS_PAGE_DEFAULT });
export type RegistryStatusInput = z.infer<typeof registryStatusInputSchema>;

/** Why an object is listed: everything but "in sync". */
export type RowState = "missing" | "different" | "extra" | "foreign" | "unverified";
export type StatusRow = { cluster: string; state: RowState; kind: string; namespace: string; name: string; reason: string };

export type ClusterSummary = {
  cluster: string;
  stale: boolean;
  /** Planned objects (in the workspace's part of the cluster when one was asked for). */
  expected: number;
  inSync: number;
  missing: number;
  different: number;
  extra: number;
  foreign: number;
  unverified: number;
  /** Changes (missing, different, extra) that wait because the cluster is stale: nothing is written there. */
  held: number;
};

export type RegistryStatusPage = {
  mode: RegistryMode;
  leader: boolean;
  identity: string;
  lastReconcileAt: string | null;
  writes: { applied: number; deleted: number; failed: number };
  /** The workspace asked for, when one was. */
  workspace?: string;
  summary: ClusterSummary[];
  conditions: ConditionGroup[];
  /** Objects not in sync, ordered by cluster, state, kind, namespace and name. */
  rows: StatusRow[];
  /** Pass as `cursor` for the next page; null on the last. */
  nextCursor: string | null;
  /** Rows in all pages (for "1–50 of 1,234"). */
  totalRows: number;
};
