// Events of a panel object: the cache's uid pins the object; an unknown cluster is NOT_FOUND naming it; a cluster the
// kubeconfig cannot reach is a result for that cluster, never a thrown error.
import { describe, expect, it, vi } from "vitest";
import { demoSnapshot } from "@/server/workspaces/test/fake-deps";
import { eventsInputSchema, nodeObjectEvents } from "./events";

const state = { snapshot: demoSnapshot() };

describe("events of a panel object", () => {
  it("an unknown cluster → NOT_FOUND naming cluster, and no cluster is asked", async () => {
    const handle = vi.fn(() => undefined);
    expect(() => nodeObjectEvents({ handle, timeoutMs: 1000 }, state, { cluster: "mars", kind: "Service", namespace: "bookinfo", name: "details" })).toThrow(expect.objectContaining({ tag: "eastwest.NotFound", field: "cluster" }));
    expect(handle).not.toHaveBeenCalled();
  });

  it("a cluster without usable credentials → a failure for that cluster, as data", async () => {
    const result = await nodeObjectEvents({ handle: () => undefined, timeoutMs: 1000 }, state, { cluster: "east", kind: "Service", namespace: "bookinfo", name: "details" });
    expect(result).toMatchObject({ ok: false, cluster: "east" });
  });

  it.each([
    [{ cluster: "west", kind: "Secret", namespace: "bookinfo", name: "x" }, "kind"],
    [{ cluster: "west", kind: "Namespace", namespace: "bookinfo", name: "x" }, "kind"],
    [{ cluster: "", kind: "Pod", namespace: "bookinfo", name: "x" }, "cluster"],
    [{ cluster: "west", kind: "Pod", namespace: "x".repeat(300), name: "x" }, "namespace"],
  ])("input %j is refused on %s", (input, field) => {
    const parsed = eventsInputSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join("."))).toContain(field);
  });
});
