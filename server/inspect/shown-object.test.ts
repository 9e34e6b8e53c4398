import { describe, expect, it } from "vitest";
import type { CachedObject } from "@/lib/fleet/snapshot-types";
import { conditionsOf, displayable, shownObject } from "./shown-object";

const base = (kind: string, extra: Record<string, unknown> = {}): CachedObject =>
  ({ apiVersion: "v1", kind, metadata: { name: "x", namespace: "ns", managedFields: [{ manager: "kubectl", operation: "Apply" }] }, ...extra }) as CachedObject;

describe("shown objects", () => {
  it("drop managedFields, keep the rest", () => {
    const shown = displayable(base("Service", { spec: { ports: [{ port: 80 }] } }));
    expect(shown).toEqual({ apiVersion: "v1", kind: "Service", metadata: { name: "x", namespace: "ns" }, spec: { ports: [{ port: 80 }] } });
  });

  it("never show a Secret's data", () => {
    const yaml = shownObject("west", base("Secret", { data: { token: "c2VjcmV0" }, stringData: { password: "hunter2" }, type: "Opaque" }), "a Secret").yaml;
    expect(yaml).not.toContain("c2VjcmV0");
    expect(yaml).not.toContain("hunter2");
    expect(yaml).toContain("type: Opaque");
  });

  it.each([
    ["no status", undefined, []],
    ["conditions with reason and time", { conditions: [{ type: "Ready", status: "False", reason: "Unhealthy", message: "probe failed", lastTransitionTime: "2026-01-10T12:00:00Z" }] }, [{ type: "Ready", status: "False", reason: "Unhealthy", message: "probe failed", since: "2026-01-10T12:00:00Z" }]],
    ["entries without type or status are skipped", { conditions: [{ type: "Ready" }, "x", { status: "True" }] }, []],
    ["conditions not a list", { conditions: { Ready: true } }, []],
  ])("conditions: %s", (_name, status, expected) => {
    expect(conditionsOf(base("Pod", status === undefined ? {} : { status }))).toEqual(expected);
  });
});
