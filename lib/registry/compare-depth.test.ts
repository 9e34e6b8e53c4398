// A live object nested far deeper than anything the planner writes (a hand edit, 10,000 levels) is compared
// without overflowing the stack: the deep field simply differs from the plan, in either mode.
import { describe, expect, it } from "vitest";
import { plan } from "@/lib/plan/plan";
import { seedInput } from "@/lib/plan/test-fixtures";
import { compareCluster } from "./compare";
import { live } from "./test-helpers";

function nested(levels: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

describe("comparing a live object nested too deep", () => {
  const desired = Object.values(plan(seedInput()).clusters).flat();
  const first = desired.find((d) => d.kind === "ServiceEntry");

  it.each(["observe", "standalone"] as const)("%s: the deep spec field differs, and nothing throws", (mode) => {
    if (!first) throw new Error("the seed plan has a ServiceEntry");
    const deep = live(first, { spec: { ...(first.spec as Record<string, unknown>), endpoints: nested(10_000) } });
    const compared = compareCluster([first], [deep], mode);
    expect(compared).toEqual([expect.objectContaining({ status: "different", reason: expect.stringContaining("spec.endpoints") })]);
  });
});
