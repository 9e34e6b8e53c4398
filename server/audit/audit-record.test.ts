import { describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/identity";
import { newestRecordsFirst, toAuditRecord, type AuditRecord } from "./audit-record";
import { AUDIT_ANNOTATION, auditEventBody } from "./event-body";

const annie: Actor = { mode: "oidc", identity: { user: "annie", groups: ["eastwest:app-owners"] }, roles: ["app-owner"], workspaceRoles: {}, address: "10.1.1.1" };
const drill = { apiVersion: "eastwest.dev/v1alpha1", kind: "FailoverDrill", namespace: "bookinfo", name: "reviews-1", uid: "d-1" };
const at = new Date("2026-12-05T09:30:00.000Z");
/** As the API server answers it: the body plus metadata it sets. */
const stored = (body: ReturnType<typeof auditEventBody>, uid = "e-1") => ({ ...body, metadata: { ...body.metadata, uid, creationTimestamp: at.toISOString() } });

describe("toAuditRecord", () => {
  it("reads back what auditEventBody wrote", () => {
    const body = auditEventBody({ actor: annie, cluster: "east", verb: "abort-drill", object: drill, outcome: "refused", detail: "RBAC: no patch" }, { now: at, instance: "c" });
    expect(toAuditRecord("east", stored(body))).toEqual({
      id: "e-1",
      cluster: "east",
      at: at.toISOString(),
      verb: "abort-drill",
      outcome: "refused",
      object: drill,
      user: "annie",
      mode: "oidc",
      address: "10.1.1.1",
      detail: "RBAC: no patch",
      message: body.message,
    });
  });

  it("reads mode none as no user", () => {
    const body = auditEventBody({ actor: undefined, cluster: "east", verb: "apply", object: drill, outcome: "ok" }, { now: at, instance: "c" });
    expect(toAuditRecord("east", stored(body))).toMatchObject({ user: undefined, mode: "none", address: undefined });
  });

  const good = stored(auditEventBody({ actor: annie, cluster: "east", verb: "start-drill", object: drill, outcome: "ok" }, { now: at, instance: "c" }));
  const withAnnotation = (value: string | undefined) => ({ ...good, metadata: { ...good.metadata, annotations: value === undefined ? {} : { [AUDIT_ANNOTATION]: value } } });
  it.each([
    { name: "no annotation (another controller's Event)", raw: withAnnotation(undefined) },
    { name: "annotation not JSON", raw: withAnnotation("{oops") },
    { name: "unknown verb", raw: withAnnotation(JSON.stringify({ v: 1, mode: "oidc", cluster: "east", verb: "scale", outcome: "ok" })) },
    { name: "unknown version", raw: withAnnotation(JSON.stringify({ v: 2, mode: "oidc", cluster: "east", verb: "apply", outcome: "ok" })) },
    { name: "copied from another cluster", raw: withAnnotation(JSON.stringify({ v: 1, mode: "oidc", cluster: "west", verb: "apply", outcome: "ok" })) },
    { name: "not an Event", raw: { kind: "Pod" } },
  ])("skips $name", ({ raw }) => {
    expect(toAuditRecord("east", raw)).toBeUndefined();
  });
});

describe("newestRecordsFirst", () => {
  const record = (id: string, atIso: string | null) => ({ id, at: atIso }) as AuditRecord;
  it("sorts by time, newest first, timeless last, ties by id", () => {
    const sorted = newestRecordsFirst([record("b", "2026-12-05T09:00:00Z"), record("x", null), record("c", "2026-12-05T10:00:00Z"), record("a", "2026-12-05T09:00:00Z")]);
    expect(sorted.map((r) => r.id)).toEqual(["c", "a", "b", "x"]);
  });
});
