import { describe, expect, it } from "vitest";
import { createAdmission, type Admitted } from "./admission";

const iteration = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The turn of a request that had to queue (fails the test otherwise). */
function queued(admitted: Admitted): Promise<void> {
  if (admitted.kind !== "queued") throw new Error(`expected the request to queue, got ${admitted.kind}`);
  return admitted.turn;
}

/** A clock the test moves by hand: "work" is a step of the clock, not real time. */
function clock() {
  let t = 0;
  return { now: () => t, spend: (ms: number) => void (t += ms) };
}

describe("createAdmission", () => {
  it("admits at once while the iteration has budget left, and starts a fresh budget in the next iteration", async () => {
    const c = clock();
    const a = createAdmission(10, c.now);
    expect(a.admit().kind).toBe("now");
    c.spend(6);
    expect(a.admit().kind).toBe("now");
    c.spend(6);
    const late = queued(a.admit());
    expect(a.waiting()).toBe(1);
    await late;
    await iteration();
    expect(a.waiting()).toBe(0);
    expect(a.admit().kind).toBe("now");
  });

  it("lets queued requests in first come, first served, one per iteration", async () => {
    const c = clock();
    const a = createAdmission(10, c.now);
    c.spend(0);
    expect(a.admit().kind).toBe("now");
    c.spend(20);
    const order: number[] = [];
    const turns = [0, 1, 2, 3].map((i) => queued(a.admit()).then(() => order.push(i)));
    expect(a.waiting()).toBe(4);
    // Each check phase lets one in; an immediate scheduled now runs in the same check phase as the first release.
    await iteration();
    expect(order).toEqual([0]);
    await iteration();
    expect(order).toEqual([0, 1]);
    await Promise.all(turns);
    expect(order).toEqual([0, 1, 2, 3]);
  });

  it("does not let a newcomer overtake the queue: with budget left, the oldest waiting request goes in instead", async () => {
    const c = clock();
    const a = createAdmission(10, c.now);
    expect(a.admit().kind).toBe("now");
    c.spend(15);
    const order: string[] = [];
    const x = queued(a.admit()).then(() => order.push("x"));
    const y = queued(a.admit()).then(() => order.push("y"));
    await iteration(); // the check phase: a fresh budget, and the pump lets x in
    expect(order).toEqual(["x"]);
    // A newcomer with budget to spare: y, queued before it, goes in now; z waits for the pump.
    const z = queued(a.admit()).then(() => order.push("z"));
    await y;
    expect(order).toEqual(["x", "y"]);
    await Promise.all([x, z]);
    expect(order).toEqual(["x", "y", "z"]);
  });

  it("refuses at once, naming the queue, when maxWaiting requests already wait", async () => {
    const c = clock();
    const a = createAdmission(10, c.now, 2);
    expect(a.admit().kind).toBe("now");
    c.spend(20);
    const turns = [queued(a.admit()), queued(a.admit())];
    expect(a.admit()).toEqual({ kind: "full", waiting: 2 });
    await Promise.all(turns);
    expect(a.waiting()).toBe(0);
  });
});
