// The preview gate: one job at a time in arrival order, a failure does not stop the queue, a full queue refuses
// with a 503-class error, and stop() refuses what waits while the running job finishes.
import { describe, expect, it } from "vitest";
import { asDomainError } from "@/server/errors";
import { createPreviewGate } from "./preview-gate";

/** A job that records its start and finishes when the test says. */
function controlled(log: string[], name: string) {
  let finish: (value: string) => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const job = () =>
    new Promise<string>((resolve, reject) => {
      log.push(`start ${name}`);
      finish = resolve;
      fail = reject;
    });
  return { job, finish: () => finish(name), fail: (message: string) => fail(new Error(message)) };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe("preview gate", () => {
  it("starts one job at a time, in the order they came", async () => {
    const log: string[] = [];
    const gate = createPreviewGate();
    const [a, b, c] = [controlled(log, "a"), controlled(log, "b"), controlled(log, "c")];
    const results = [a, b, c].map((j) => gate.run(j.job));
    await turn();
    expect(log).toEqual(["start a"]);
    expect(gate.waiting()).toBe(2);
    a.finish();
    await turn();
    expect(log).toEqual(["start a", "start b"]);
    b.finish();
    await turn();
    c.finish();
    expect(await Promise.all(results)).toEqual(["a", "b", "c"]);
    expect(gate.waiting()).toBe(0);
  });

  it.each([
    ["rejects", (j: ReturnType<typeof controlled>) => j.fail("planner failed")],
    ["throws before any await", undefined],
  ])("goes on with the next job when one %s", async (_, end) => {
    const log: string[] = [];
    const gate = createPreviewGate();
    const first = controlled(log, "first");
    const failing = end ? gate.run(first.job) : gate.run(() => {
      throw new Error("planner failed");
    });
    const failed = expect(failing).rejects.toThrow("planner failed");
    const second = controlled(log, "second");
    const after = gate.run(second.job);
    await turn();
    end?.(first);
    await failed;
    await turn();
    second.finish();
    await expect(after).resolves.toBe("second");
  });

  it("refuses a job at once when the queue is full, naming how many wait", async () => {
    const log: string[] = [];
    const gate = createPreviewGate(2);
    const running = controlled(log, "running");
    void gate.run(running.job);
    const waiting = [gate.run(controlled(log, "w1").job), gate.run(controlled(log, "w2").job)];
    const refused = gate.run(controlled(log, "w3").job);
    const error = await refused.catch((e: unknown) => e);
    expect(asDomainError(error)).toMatchObject({ tag: "eastwest.Unavailable", message: expect.stringContaining("2 previews are waiting") });
    expect(log).toEqual(["start running"]);
    gate.stop(new Error("stopped"));
    await expect(Promise.all(waiting)).rejects.toThrow("stopped");
  });

  it("stop() refuses what waits and what comes later; the running job still finishes", async () => {
    const log: string[] = [];
    const gate = createPreviewGate();
    const running = controlled(log, "running");
    const result = gate.run(running.job);
    const waiting = gate.run(controlled(log, "waiting").job);
    await turn();
    gate.stop(new Error("the fleet model is stopped"));
    await expect(waiting).rejects.toThrow("the fleet model is stopped");
    await expect(gate.run(controlled(log, "late").job)).rejects.toThrow("the fleet model is stopped");
    running.finish();
    await expect(result).resolves.toBe("running");
    expect(log).toEqual(["start running"]);
  });
});
