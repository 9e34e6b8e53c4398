// Drill start and abort made for a person: the service asks for that person's client (whose writes impersonate
// them), tells the audit sink once the cluster answered (start-drill / abort-drill, outcome and detail), and says
// a cluster's 403 as what the person may not do, with nothing created.
import { describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/identity";
import type { AuditEntry } from "@/server/audit/types";
import type { DrillClient } from "@/server/kube/drill-client";
import { createDrillService } from "./service";
import { createFakeCluster, OK_FAILOVER } from "./test/fake-cluster";
import type { DrillInput } from "./types";

const INPUT: DrillInput = { cluster: "west", namespace: "bookinfo", service: "details", fault: "ScaleToZero", maxDuration: "2m" };
const annie: Actor = { mode: "oidc", identity: { user: "annie", groups: ["eastwest:app-owners"] }, roles: ["app-owner"], workspaceRoles: {}, address: "10.0.0.7" };
const NO = 'you may not create failoverdrills.eastwest.dev in west: failoverdrills.eastwest.dev "details-drill" is forbidden: User "annie" cannot create resource "failoverdrills"';
const refused = { ok: false as const, kind: "rejected" as const, status: 403, message: NO };

function serviceFor(personal: (own: DrillClient) => DrillClient) {
  const fake = createFakeCluster();
  const asked: (string | undefined)[] = [];
  const clientFor = (_cluster: string, actor?: Actor) => (asked.push(actor?.identity?.user), actor ? personal(fake.client) : fake.client);
  const service = createDrillService({ snapshots: fake.snapshots, clientFor, failover: async () => OK_FAILOVER, now: () => Date.parse("2026-12-05T06:25:12Z"), nameFor: () => "details-drill" });
  const entries: AuditEntry[] = [];
  return { fake, service, asked, entries, caller: { actor: annie, audit: { record: (e: AuditEntry) => entries.push(e) } } };
}

const drillObject = { apiVersion: "eastwest.dev/v1alpha1", kind: "FailoverDrill", namespace: "bookinfo", name: "details-drill" };

describe("drills started and aborted for a person", () => {
  it("writes through the person's client and audits start and abort once the cluster answered", async () => {
    const { service, asked, entries, caller } = serviceFor((own) => own);
    expect(await service.start(INPUT, caller)).toMatchObject({ ok: true });
    await new Promise((resolve) => queueMicrotask(() => resolve(undefined)));
    expect(await service.abort({ cluster: "west", namespace: "bookinfo", name: "details-drill" }, caller)).toEqual({ ok: true });
    expect(asked).toEqual(["annie", "annie"]);
    expect(entries).toEqual([
      { actor: annie, cluster: "west", verb: "start-drill", object: drillObject, outcome: "ok" },
      { actor: annie, cluster: "west", verb: "abort-drill", object: drillObject, outcome: "ok" },
    ]);
  });

  it("answers the cluster's refusal as a forbidden refusal in the person's words, audited as refused, nothing created", async () => {
    const { fake, service, entries, caller } = serviceFor((own) => ({ ...own, drills: { ...own.drills, create: async () => refused } }));
    expect(await service.start(INPUT, caller)).toEqual({ ok: false, refusal: { code: "forbidden", field: "cluster", message: NO } });
    expect(fake.drills.size).toBe(0);
    expect(entries).toEqual([{ actor: annie, cluster: "west", verb: "start-drill", object: drillObject, outcome: "refused", detail: NO }]);
  });

  it("refuses an abort the cluster forbids, audited, the drill left running", async () => {
    const { fake, service, entries, caller } = serviceFor((own) => ({ ...own, drills: { ...own.drills, abort: async () => refused } }));
    expect(await service.start(INPUT)).toMatchObject({ ok: true });
    await new Promise((resolve) => queueMicrotask(() => resolve(undefined)));
    expect(await service.abort({ cluster: "west", namespace: "bookinfo", name: "details-drill" }, caller)).toEqual({ ok: false, refusal: { code: "forbidden", message: NO } });
    expect(fake.drills.get("bookinfo/details-drill")?.spec.abort).toBe(false);
    expect(entries).toEqual([{ actor: annie, cluster: "west", verb: "abort-drill", object: drillObject, outcome: "refused", detail: NO }]);
  });

  it("installs a missing CRD with the console's own client, then creates the drill as the person", async () => {
    const fake = createFakeCluster();
    const calls: string[] = [];
    let served = false;
    const withCrd = (who: string): DrillClient => ({
      ...fake.client,
      drills: {
        ...fake.client.drills,
        crdInstalled: async () => ({ ok: true, installed: served }),
        installCrd: async () => (calls.push(`install as ${who}`), (served = true), { ok: true, object: { metadata: {} } }),
        create: async (d) => (calls.push(`create as ${who}`), fake.client.drills.create(d)),
      },
    });
    const clientFor = (_cluster: string, actor?: Actor) => withCrd(actor?.identity?.user ?? "console");
    const service = createDrillService({ snapshots: fake.snapshots, clientFor, failover: async () => OK_FAILOVER, nameFor: () => "details-drill", crdTimeoutMs: 1_000 });
    expect(await service.start(INPUT, { actor: annie })).toMatchObject({ ok: true });
    expect(calls).toEqual(["install as console", "create as annie"]);
  });
});
