import { describe, expect, it } from "vitest";
import { capUpdateManagers } from "./cap-managers";
import { decodeFieldsV1 } from "./fields-v1";
import type { ManagerSet } from "./managed-fields";

function manager(name: string, minute: number, field: string, operation: "Apply" | "Update" = "Update"): ManagerSet {
  const set = decodeFieldsV1({ [`f:${field}`]: {} });
  if (!set) throw new Error("bad set");
  return { manager: name, operation, apiVersion: "v1", time: `2026-01-01T00:${String(minute).padStart(2, "0")}:00Z`, set };
}

describe("capUpdateManagers", () => {
  it("keeps up to 10 Update entries as they are", () => {
    const sets = Array.from({ length: 10 }, (_, i) => manager(`m${i}`, i, `f${i}`));
    expect(capUpdateManagers(sets)).toBe(sets);
  });

  it("folds the two oldest of 11 into ancient-changes with the later time; Apply entries do not count", () => {
    const sets = [manager("applier", 0, "a", "Apply"), ...Array.from({ length: 11 }, (_, i) => manager(`m${i}`, i, `f${i}`))];
    const capped = capUpdateManagers(sets);
    expect(capped.filter((s) => s.operation === "Update")).toHaveLength(10);
    const bucket = capped.find((s) => s.manager === "ancient-changes");
    expect(bucket?.time).toBe("2026-01-01T00:01:00Z");
    expect([...(bucket?.set.children.keys() ?? [])].sort()).toEqual(["f:f0", "f:f1"]);
    expect(capped.map((s) => s.manager)).not.toContain("m0");
    expect(capped.map((s) => s.manager)).toContain("applier");
  });
});
