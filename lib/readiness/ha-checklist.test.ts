import { describe, expect, it } from "vitest";
import { seedInput } from "@/lib/plan/test-fixtures";
import { haChecklist } from "./ha-checklist";

describe("haChecklist", () => {
  it("runs every check in a fixed order and is not ready for the seed's half-prepared fleet", () => {
    const result = haChecklist(seedInput(), "bookinfo-ws");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.checklist.items.map((i) => [i.id, i.status])).toEqual([
      ["namespace-exists", "pass"],
      ["namespace-selector", "pass"],
      ["gateways", "fail"],
      ["service-ports", "pass"],
      ["outlier-detection", "fail"],
      ["clusters-fresh", "pass"],
    ]);
    expect(result.checklist.ready).toBe(false);
  });

  it.each([
    ["every cluster", undefined, "fail"],
    ["only the clusters with gateways", ["west", "east"], "pass"],
  ])("checks gateways over %s", (_, clusters, status) => {
    const result = haChecklist(seedInput(), "bookinfo-ws", clusters ? { clusters } : {});
    expect(result.ok && result.checklist.items.find((i) => i.id === "gateways")?.status).toBe(status);
  });

  it("gives every item a title, a reason and a fix", () => {
    const result = haChecklist(seedInput(), "bookinfo-ws");
    for (const item of result.ok ? result.checklist.items : []) {
      expect(item.title.length * item.reason.length * item.fix.length).toBeGreaterThan(0);
    }
  });

  it("reports an unknown workspace against the workspace field", () => {
    expect(haChecklist(seedInput(), "nope")).toEqual({ ok: false, error: { field: "workspace", message: 'workspace "nope" does not exist on the management cluster.' } });
  });
});
