import { describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/identity";
import type { AuditWriteResult } from "@/server/kube/audit-events";
import { createAuditSink, type AuditEventWriter } from "./sink";
import type { AuditEntry } from "./types";

const bob: Actor = { mode: "proxy", identity: { user: "bob", groups: ["eastwest:app-owners"] }, roles: ["viewer", "app-owner"], workspaceRoles: {}, address: "192.0.2.4" };
const entry: AuditEntry = { actor: bob, cluster: "west", verb: "start-drill", object: { apiVersion: "eastwest.dev/v1alpha1", kind: "FailoverDrill", namespace: "bookinfo", name: "reviews-1" }, outcome: "ok" };

/** A writer whose answers the test releases one by one. */
function gatedWriter() {
  const calls: { cluster: string; event: Parameters<AuditEventWriter>[1]; answer: (r: AuditWriteResult) => void }[] = [];
  const write: AuditEventWriter = (cluster, event) => new Promise((answer) => calls.push({ cluster, event, answer }));
  return { calls, write };
}

function sinkWith(write: AuditEventWriter, maxPending?: number) {
  const lines: string[] = [];
  const sink = createAuditSink({ log: (l) => lines.push(l), instance: "console-0", handle: () => undefined, write, now: () => new Date("2026-12-05T09:00:00Z"), ...(maxPending ? { maxPending } : {}) });
  return { sink, lines };
}

describe("createAuditSink", () => {
  it("logs the entry and hands the Event to the writer before the write answers, without waiting for it", async () => {
    const gate = gatedWriter();
    const { sink, lines } = sinkWith(gate.write);
    expect(sink.record(entry)).toBeUndefined();
    // The line is written synchronously; the Event is on its way but unanswered.
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? "")).toMatchObject({ event: "audit", user: "bob", verb: "start-drill", outcome: "ok" });
    expect(gate.calls).toHaveLength(1);
    expect(gate.calls[0]?.cluster).toBe("west");
    expect(gate.calls[0]?.event).toMatchObject({ reason: "DrillStarted", involvedObject: { kind: "FailoverDrill", name: "reviews-1" } });
    gate.calls[0]?.answer({ ok: true });
    await sink.drain();
    expect(lines).toHaveLength(1);
  });

  it.each([
    { name: "refused by the cluster", write: (async () => ({ ok: false, error: { reason: "forbidden", message: "events is forbidden" } })) as AuditEventWriter, says: "forbidden: events is forbidden" },
    { name: "a writer that throws", write: (async () => Promise.reject(new TypeError("boom"))) as AuditEventWriter, says: "TypeError" },
    { name: "a writer that throws synchronously", write: (() => { throw new RangeError("sync"); }) as AuditEventWriter, says: "RangeError" },
  ])("a failed Event write ($name) is one log line, never a throw", async ({ write, says }) => {
    const { sink, lines } = sinkWith(write);
    expect(() => sink.record(entry)).not.toThrow();
    await sink.drain();
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe(`audit: no Event for FailoverDrill bookinfo/reviews-1 in west: ${says}`);
  });

  it("keeps at most maxPending Events in flight; the rest are logged only", async () => {
    const gate = gatedWriter();
    const { sink, lines } = sinkWith(gate.write, 2);
    for (let i = 0; i < 3; i++) sink.record(entry);
    expect(gate.calls).toHaveLength(2);
    expect(lines.filter((l) => l.startsWith("{"))).toHaveLength(3);
    expect(lines.at(-1)).toContain("2 audit Events are still being written");
    for (const call of gate.calls) call.answer({ ok: true });
    await sink.drain();
    sink.record(entry);
    expect(gate.calls).toHaveLength(3);
  });

  it("a malformed entry (no object) is one log line, never a throw", () => {
    const { sink, lines } = sinkWith(async () => ({ ok: true }));
    expect(() => sink.record({ ...entry, object: undefined } as unknown as AuditEntry)).not.toThrow();
    expect(lines).toEqual(["audit: an entry could not be recorded (TypeError)"]);
  });

  it("never throws, even when the log itself throws", () => {
    const sink = createAuditSink({ log: () => { throw new Error("closed"); }, instance: "i", handle: () => undefined, write: async () => ({ ok: true }) });
    expect(() => sink.record(entry)).not.toThrow();
  });

  it("without a usable handle, the default writer reports the cluster unusable in the log", async () => {
    const lines: string[] = [];
    const sink = createAuditSink({ log: (l) => lines.push(l), instance: "i", handle: () => ({ name: "west", server: "", kubeConfig: null, problem: "no credentials" }) });
    sink.record(entry);
    await sink.drain();
    expect(lines[1]).toBe("audit: no Event for FailoverDrill bookinfo/reviews-1 in west: unknown: no credentials");
  });
});
