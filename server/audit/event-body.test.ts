import { describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/identity";
import { AUDIT_ANNOTATION, AUDIT_COMPONENT, auditEventBody } from "./event-body";
import { auditLogLine } from "./log-line";
import type { AuditEntry } from "./types";

const alice: Actor = { mode: "oidc", identity: { user: "alice", groups: ["eastwest:platform-owners"] }, roles: ["viewer", "platform-owner"], workspaceRoles: {}, address: "10.0.0.7" };
const gateway = { apiVersion: "install.tetrate.io/v1alpha1", kind: "IngressGateway", namespace: "bookinfo", name: "eastwest-gw", uid: "u-1" };
const now = new Date("2026-12-05T09:00:00.000Z");
const body = (entry: AuditEntry) => auditEventBody(entry, { now, instance: "console-0" });

describe("auditEventBody", () => {
  it.each([
    { verb: "apply", outcome: "ok", reason: "ConsoleApplied", type: "Normal", message: "alice applied IngressGateway bookinfo/eastwest-gw in east from 10.0.0.7, signed in with OpenID Connect." },
    { verb: "apply", outcome: "refused", reason: "ConsoleApplyRefused", type: "Warning", message: "alice was refused to apply IngressGateway bookinfo/eastwest-gw in east from 10.0.0.7, signed in with OpenID Connect: RBAC says no." },
    { verb: "delete", outcome: "failed", reason: "ConsoleDeleteFailed", type: "Warning", message: "alice tried to delete IngressGateway bookinfo/eastwest-gw in east from 10.0.0.7, signed in with OpenID Connect; it failed: RBAC says no." },
    { verb: "start-drill", outcome: "ok", reason: "DrillStarted", type: "Normal", message: "alice started IngressGateway bookinfo/eastwest-gw in east from 10.0.0.7, signed in with OpenID Connect (forced)." },
    { verb: "abort-drill", outcome: "refused", reason: "DrillAbortRefused", type: "Warning", message: "alice was refused to abort IngressGateway bookinfo/eastwest-gw in east from 10.0.0.7, signed in with OpenID Connect: RBAC says no." },
  ] as const)("$verb $outcome → $reason ($type)", ({ verb, outcome, reason, type, message }) => {
    const event = body({ actor: alice, cluster: "east", verb, object: gateway, outcome, ...(outcome === "ok" ? (verb === "apply" ? {} : { detail: "forced" }) : { detail: "RBAC says no" }) });
    expect(event).toMatchObject({ reason, type, message, reportingComponent: AUDIT_COMPONENT, reportingInstance: "console-0", source: { component: "eastwest-console" } });
  });

  it("regards the object in its namespace, with its uid, and names itself <object>.<hex>", () => {
    const event = body({ actor: alice, cluster: "east", verb: "apply", object: gateway, outcome: "ok" });
    expect(event.involvedObject).toEqual({ apiVersion: gateway.apiVersion, kind: gateway.kind, namespace: "bookinfo", name: "eastwest-gw", uid: "u-1" });
    expect(event.metadata.namespace).toBe("bookinfo");
    expect(event.metadata.name).toMatch(/^eastwest-gw\.[0-9a-f]+$/);
    expect(event.firstTimestamp).toBe(now.toISOString());
  });

  it("puts a cluster-scoped object's Event in default, naming no namespace in involvedObject", () => {
    const event = body({ actor: alice, cluster: "east", verb: "create", object: { apiVersion: "apiextensions.k8s.io/v1", kind: "CustomResourceDefinition", name: "failoverdrills.eastwest.dev" }, outcome: "ok" });
    expect(event.metadata.namespace).toBe("default");
    expect(event.involvedObject).not.toHaveProperty("namespace");
  });

  it("gives two Events of one object in the same millisecond different names", () => {
    const entry: AuditEntry = { actor: alice, cluster: "east", verb: "apply", object: gateway, outcome: "ok" };
    expect(body(entry).metadata.name).not.toBe(body(entry).metadata.name);
  });

  it("says who in mode none (no identity) and stores mode none", () => {
    const event = body({ actor: undefined, cluster: "east", verb: "apply", object: gateway, outcome: "ok" });
    expect(event.message).toBe("the console's own user (no sign-in) applied IngressGateway bookinfo/eastwest-gw in east on this machine.");
    const annotations = event.metadata.annotations as Record<string, string>;
    expect(JSON.parse(annotations[AUDIT_ANNOTATION] ?? "")).toEqual({ v: 1, mode: "none", cluster: "east", verb: "apply", outcome: "ok" });
  });

  it("bounds what comes from outside: groups, detail", () => {
    const many: Actor = { ...alice, identity: { user: "alice", groups: Array.from({ length: 50 }, (_, i) => `g${i}`) } };
    const event = body({ actor: many, cluster: "east", verb: "apply", object: gateway, outcome: "failed", detail: "x".repeat(5_000) });
    const facts = JSON.parse((event.metadata.annotations as Record<string, string>)[AUDIT_ANNOTATION] ?? "") as { groups: string[]; detail: string };
    expect(facts.groups).toHaveLength(20);
    expect(facts.detail.length).toBeLessThanOrEqual(301);
    expect(String(event.message).length).toBeLessThan(500);
  });
});

describe("auditLogLine", () => {
  it("is one JSON object with who, from where, what and how it ended", () => {
    const line = auditLogLine({ actor: alice, cluster: "east", verb: "apply", object: gateway, outcome: "refused", detail: "RBAC says no" }, now);
    expect(line).not.toContain("\n");
    expect(JSON.parse(line)).toEqual({
      at: now.toISOString(),
      event: "audit",
      mode: "oidc",
      user: "alice",
      groups: ["eastwest:platform-owners"],
      address: "10.0.0.7",
      cluster: "east",
      verb: "apply",
      outcome: "refused",
      detail: "RBAC says no",
      object: gateway,
    });
  });
});
