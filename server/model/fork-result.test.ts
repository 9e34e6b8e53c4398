import { describe, expect, it } from "vitest";
import { applyPlanDelta, planDelta } from "@/lib/plan/plan-delta";
import { plan } from "@/lib/plan/plan";
import { seedInput } from "@/lib/plan/test-fixtures";
import { forkResult, withChanged } from "./fork-result";

const input = seedInput({ exposed: ["details.bookinfo.svc.cluster.local"] });
const changed = seedInput({ exposed: ["details.bookinfo.svc.cluster.local", "reviews.bookinfo.svc.cluster.local"] });
const before = plan(input);
const delta = planDelta(before, plan(changed));

describe("forkResult", () => {
  it.each([
    ["as the host answers", () => forkResult({ before, input, delta })],
    ["with its changed input (withChanged)", () => withChanged(forkResult({ before, input, delta }), changed)],
  ])("%s: `after` is an accessor, made once on first read, equal to the patched plan", (_name, make) => {
    const result = make();
    // Not a data property: nothing was patched when the result was made.
    expect(Object.getOwnPropertyDescriptor(result, "after")?.get).toBeTypeOf("function");
    const first = result.after;
    expect(result.after).toBe(first);
    expect(JSON.stringify(first)).toBe(JSON.stringify(applyPlanDelta(before, delta)));
    expect(JSON.stringify(first)).toBe(JSON.stringify(plan(changed)));
  });

  it("withChanged keeps the other fields and adds the changed input", () => {
    const result = withChanged(forkResult({ before, input, delta }), changed);
    expect(result.before).toBe(before);
    expect(result.input).toBe(input);
    expect(result.delta).toBe(delta);
    expect(result.changed).toBe(changed);
  });
});
