import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { plan } from "@/lib/plan/plan";
import type { PlanDelta } from "@/lib/plan/plan-delta";
import { seedInput } from "@/lib/plan/test-fixtures";
import { createReplyAssembler, replyParts } from "./planner-protocol";

describe("the planner reply's assembly on the console's thread", () => {
  it("the plan it makes does not keep the reply's parts alive", async () => {
    const planned = plan(seedInput());
    const delta: PlanDelta = { clusters: Object.fromEntries(Object.entries(planned.clusters).map(([name, objects]) => [name, { kind: "replace", objects }])), removedClusters: [], conditions: [], heldBack: [] };
    const assemble = () => {
      const assembler = createReplyAssembler(() => undefined);
      let reply: ReturnType<typeof assembler.add>;
      // Each part cloned, as the worker's message would be.
      for (const part of replyParts(1, delta)) reply = assembler.add(structuredClone(part) as Parameters<typeof assembler.add>[0]);
      if (!reply?.result) throw new Error("no plan assembled");
      return { result: reply.result, parts: new WeakRef(reply.delta.clusters) };
    };
    const { result, parts } = assemble();
    // A WeakRef's target is kept until the current job ends; then a full collection decides.
    await new Promise<void>((resolve) => setImmediate(resolve));
    setFlagsFromString("--expose-gc");
    (runInNewContext("gc") as () => void)();
    // The objects the reply brought stay planned; what the reply was made of (every list it patched) does not.
    expect(result.clusters).toStrictEqual(planned.clusters);
    expect(parts.deref()).toBeUndefined();
  });
});
