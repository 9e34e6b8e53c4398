import { describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/identity";
import type { AuditEventsResult } from "@/server/kube/audit-events";
import type { FleetView } from "@/server/workspaces/fleet-input";
import { auditEventBody } from "./event-body";
import { auditRecent, drillTarget, MAX_AUDIT_TARGETS, workspaceTargets, type AuditTarget } from "./recent";
import type { AuditEntry } from "./types";

// bookinfo covers */bookinfo (west and east have it; north does not); its setting lives in tsb-ns on mgmt.
const view = {
  snapshot: { managementCluster: "mgmt", clusters: ["mgmt", "west", "east", "north"].map((name) => ({ name })) },
  adapted: {
    input: {
      clusters: [
        { name: "mgmt", namespaces: ["tsb-ns"] },
        { name: "west", namespaces: ["bookinfo", "shop"] },
        { name: "east", namespaces: ["bookinfo"] },
        { name: "north", namespaces: ["shop"] },
      ],
      workspaces: [
        { name: "bookinfo", namespace: "tsb-ns", namespaceSelector: ["*/bookinfo"], setting: { name: "bookinfo-setting", namespace: "tsb-ns", workloadSelector: {} } },
        { name: "shop", namespaceSelector: ["*/shop", "mgmt/tsb-ns"] },
      ],
    },
  },
} as unknown as FleetView;

describe("workspaceTargets", () => {
  it("asks each covered namespace, and the management cluster for the workspace's setting only", () => {
    expect(workspaceTargets(view, "bookinfo")).toEqual([
      { cluster: "east", namespace: "bookinfo" },
      { cluster: "west", namespace: "bookinfo" },
      { cluster: "mgmt", namespace: "tsb-ns", object: { kind: "WorkspaceSetting", name: "bookinfo-setting" } },
    ]);
  });

  it("a workspace without a setting: its namespaces only", () => {
    expect(workspaceTargets(view, "shop")).toEqual([
      { cluster: "mgmt", namespace: "tsb-ns" },
      { cluster: "north", namespace: "shop" },
      { cluster: "west", namespace: "shop" },
    ]);
  });

  it("an unknown workspace is NOT_FOUND naming the field", () => {
    expect(() => workspaceTargets(view, "nope")).toThrow(expect.objectContaining({ tag: "eastwest.NotFound", field: "workspace" }));
  });
});

describe("drillTarget", () => {
  it("names the FailoverDrill; an unknown cluster is NOT_FOUND naming it", () => {
    expect(drillTarget(view, { cluster: "west", namespace: "bookinfo", name: "d1" })).toEqual({ cluster: "west", namespace: "bookinfo", object: { kind: "FailoverDrill", name: "d1" } });
    expect(() => drillTarget(view, { cluster: "south", namespace: "bookinfo", name: "d1" })).toThrow(expect.objectContaining({ tag: "eastwest.NotFound", field: "cluster" }));
  });
});

const alice: Actor = { mode: "proxy", identity: { user: "alice", groups: [] }, roles: ["platform-owner"], workspaceRoles: {}, address: "10.0.0.1" };
let uid = 0;
function stored(cluster: string, minute: number, verb: AuditEntry["verb"] = "apply") {
  const at = new Date(Date.UTC(2026, 11, 5, 9, minute));
  const body = auditEventBody({ actor: alice, cluster, verb, object: { apiVersion: "v1", kind: "Service", namespace: "bookinfo", name: "x" }, outcome: "ok" }, { now: at, instance: "i" });
  return { ...body, metadata: { ...body.metadata, uid: `e${uid++}` } };
}

describe("auditRecent", () => {
  const answers: Record<string, AuditEventsResult> = {
    west: { ok: true, items: [stored("west", 1), stored("west", 5), { kind: "Event", metadata: { name: "foreign" } }], more: false },
    east: { ok: true, items: [stored("east", 3, "start-drill")], more: false },
    north: { ok: false, reason: "forbidden", error: { reason: "forbidden", message: "events is forbidden" } },
  };
  const list = async (t: AuditTarget) => answers[t.cluster] ?? { ok: true as const, items: [], more: false };
  const targets = (...clusters: string[]) => clusters.map((cluster) => ({ cluster, namespace: "bookinfo" }));

  it("merges every namespace's records newest first, skips foreign Events, names the unreadable", async () => {
    const recent = await auditRecent(list, targets("west", "east", "north"));
    expect(recent.records.map((r) => `${r.cluster} ${r.verb} ${r.at}`)).toEqual(["west apply 2026-12-05T09:05:00.000Z", "east start-drill 2026-12-05T09:03:00.000Z", "west apply 2026-12-05T09:01:00.000Z"]);
    expect(recent.problems).toEqual([{ cluster: "north", namespace: "bookinfo", reason: "forbidden", message: "events is forbidden" }]);
    expect(recent.more).toBe(false);
  });

  it.each([
    { name: "over the limit", limit: 2, extra: 0, shown: 2 },
    { name: "targets beyond the cap are not asked", limit: 50, extra: MAX_AUDIT_TARGETS, shown: 3 },
  ])("says there is more: $name", async ({ limit, extra, shown }) => {
    const asked: string[] = [];
    const counting = async (t: AuditTarget) => {
      asked.push(t.cluster);
      return list(t);
    };
    const recent = await auditRecent(counting, [...targets("west", "east"), ...targets(...Array.from({ length: extra }, (_, i) => `c${i}`))], limit);
    expect(recent.records).toHaveLength(shown);
    expect(recent.more).toBe(true);
    expect(asked.length).toBeLessThanOrEqual(MAX_AUDIT_TARGETS);
  });

  it("passes on a namespace's own `more`", async () => {
    const recent = await auditRecent(async () => ({ ok: true, items: [], more: true }), targets("west"));
    expect(recent).toEqual({ records: [], more: true, problems: [] });
  });
});
