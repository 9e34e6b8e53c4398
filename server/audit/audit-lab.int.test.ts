// The audit sink and reader against the lab's API server: the Event is written on the object with the console's own
// credentials (the lab's audit trail shows kubernetes-admin creating it, impersonating nobody, whoever the person
// was), kubectl sees it beside the object, audit.recent reads it back with who/what/from where (the selector applied
// by the server: another controller's Event in the same namespace is not returned), and a cluster that hangs
// neither blocks `record` nor throws: the Event is given up at its deadline and said in the log.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/identity";
import type { ClusterHandle } from "@/server/kube/kubeconfig";
import { startRegistryLab, type RegistryLab } from "@/server/registry/test/lab-fixture";
import { auditRecent, clusterAuditLister } from "./recent";
import { createAuditSink } from "./sink";
import type { AuditEntry } from "./types";

let env: RegistryLab;
let west: ClusterHandle;
const lines: string[] = [];

const annie: Actor = { mode: "oidc", identity: { user: "app-owner", groups: ["eastwest:app-owners"] }, roles: ["app-owner"], workspaceRoles: {}, address: "127.0.0.9" };
const victor: Actor = { mode: "proxy", identity: { user: "viewer", groups: ["eastwest:viewers"] }, roles: ["viewer"], workspaceRoles: {}, address: "127.0.0.8" };
const drill = { apiVersion: "eastwest.dev/v1alpha1", kind: "FailoverDrill", namespace: "bookinfo", name: "reviews-20261205-091500" };
const gateway = { apiVersion: "install.tetrate.io/v1alpha1", kind: "IngressGateway", namespace: "bookinfo", name: "eastwest-gw" };
const started: AuditEntry = { actor: annie, cluster: "west", verb: "start-drill", object: drill, outcome: "ok" };
const refused: AuditEntry = { actor: victor, cluster: "west", verb: "apply", object: gateway, outcome: "refused", detail: "you may not patch ingressgateways in west" };

beforeAll(async () => {
  env = await startRegistryLab("demo");
  const handle = env.handles.find((h) => h.name === "west");
  if (!handle) throw new Error("no west in the lab");
  west = handle;
  // Another controller's Event in the same namespace, about the same drill: never one of the console's records.
  const foreign = { apiVersion: "v1", kind: "Event", metadata: { name: "foreign.1", namespace: "bookinfo" }, involvedObject: { ...drill }, reason: "Other", message: "someone else", type: "Normal", source: { component: "other" }, reportingComponent: "other" };
  await env.kubectl("west", ["create", "--validate=false", "-f", "-"], JSON.stringify(foreign));
}, 120_000);
afterAll(async () => {
  await env?.stop();
});

describe("audit Events on the lab", () => {
  it("writes them with the console's credentials and reads them back", async () => {
    const sink = createAuditSink({ log: (l) => lines.push(l), instance: "audit-test", handle: (c) => env.handles.find((h) => h.name === c) });
    sink.record(started);
    sink.record(refused);
    await sink.drain();
    expect(lines.filter((l) => l.startsWith("audit:"))).toEqual([]);

    const recent = await auditRecent(clusterAuditLister((c) => env.handles.find((h) => h.name === c), 3_000), [{ cluster: "west", namespace: "bookinfo" }]);
    expect(recent.problems).toEqual([]);
    expect(recent.records.map((r) => [r.user, r.verb, r.outcome, r.object.kind, r.mode, r.address]).sort()).toEqual([
      ["app-owner", "start-drill", "ok", "FailoverDrill", "oidc", "127.0.0.9"],
      ["viewer", "apply", "refused", "IngressGateway", "proxy", "127.0.0.8"],
    ]);

    // One drill's records: only its own.
    const ofDrill = await auditRecent(clusterAuditLister(() => west, 3_000), [{ cluster: "west", namespace: "bookinfo", object: { kind: "FailoverDrill", name: drill.name } }]);
    expect(ofDrill.records.map((r) => `${r.user} ${r.verb}`)).toEqual(["app-owner start-drill"]);
    expect(ofDrill.records[0]?.message).toBe("app-owner started FailoverDrill bookinfo/reviews-20261205-091500 in west from 127.0.0.9, signed in with OpenID Connect.");

    // The cluster's audit trail: the Events were created by the console's own user, impersonating nobody.
    const creates = env.lab.audit("west").filter((e) => e.resource === "events" && e.verb === "create" && e.namespace === "bookinfo" && e.code === 201);
    expect(creates.length).toBeGreaterThanOrEqual(2);
    for (const entry of creates) {
      expect(entry.user.name).toBe("kubernetes-admin");
      expect(entry.impersonatedBy).toBeUndefined();
    }
  });

  it("kubectl shows them beside the object and by label", async () => {
    const byReason = await env.kubectl("west", ["get", "events", "-n", "bookinfo", "--field-selector", "reason=DrillStarted,involvedObject.name=reviews-20261205-091500", "-o", "jsonpath={.items[*].message}"]);
    expect(byReason).toContain("app-owner started FailoverDrill");
    const refusedOnes = await env.kubectl("west", ["get", "events", "-n", "bookinfo", "-l", "eastwest.dev/audit=refused", "-o", "jsonpath={.items[*].reason}"]);
    expect(refusedOnes.trim()).toBe("ConsoleApplyRefused");
  });

  it("a hanging cluster: record returns at once, the Event is given up at its deadline and logged", async () => {
    await env.lab.setFault("west", { mode: "hang" });
    try {
      const logged: string[] = [];
      const sink = createAuditSink({ log: (l) => logged.push(l), instance: "audit-test", handle: () => west, timeoutMs: 1_000 });
      const before = performance.now();
      sink.record(started);
      const recorded = performance.now() - before;
      // The write's answer waits for nothing: record is back long before the cluster's deadline.
      expect(recorded).toBeLessThan(500);
      expect(logged).toHaveLength(1);
      await sink.drain();
      expect(performance.now() - before).toBeGreaterThanOrEqual(990);
      expect(logged[1]).toMatch(/^audit: no Event for FailoverDrill bookinfo\/reviews-20261205-091500 in west: timeout: /);
    } finally {
      await env.lab.setFault("west", { mode: "none" });
    }
  });
});
