// The topology router over HTTP (the real tRPC handler): results pass through, bad input answers 400 naming the
// field, an unknown workspace 404 naming "workspace", and the change stream is tracked by the graph's version.
import { describe, expect, it } from "vitest";
import { errorOf, fakeFleet, get, handlerFor } from "@/server/http/test/handler-fixture";
import { createCallerFactory } from "@/server/trpc";
import { appRouter } from "./app-router";

describe("topology router", () => {
  it("answers the graph and the rows of the fleet and of a workspace", async () => {
    const caller = createCallerFactory(appRouter)({ fleet: fakeFleet() });
    const fleet = await caller.topology.graph({});
    expect(fleet.workspace).toBeUndefined();
    expect(fleet.nodes.map((n) => n.id)).toEqual(["cluster:east", "cluster:north", "cluster:west"]);
    expect(fleet.computedAt).toBe("2026-01-10T12:00:00.000Z");
    const ws = await caller.topology.graph({ workspace: "bookinfo-ws", expanded: ["cluster:west", "ns:west/bookinfo"] });
    expect(ws).toMatchObject({ workspace: "bookinfo-ws", version: expect.any(String) });
    expect(ws.nodes.map((n) => n.id)).toContain("svc:west/details.bookinfo.svc.cluster.local");
    const rows = await caller.topology.rows({ workspace: "bookinfo-ws", cluster: "west" });
    expect(rows).toMatchObject({ total: 2, offset: 0, version: ws.version });
    expect(rows.rows.map((r) => r.fqdn)).toEqual(["details.bookinfo.svc.cluster.local", "reviews.bookinfo.svc.cluster.local"]);
  });

  it.each([
    ["topology.graph", { expanded: "cluster:west" }, 400, "expanded"],
    ["topology.graph", { expanded: Array.from({ length: 201 }, (_, i) => `cluster:c${i}`) }, 400, "expanded"],
    ["topology.graph", { expanded: [""] }, 400, "expanded.0"],
    ["topology.graph", { workspace: "" }, 400, "workspace"],
    ["topology.graph", { workspace: "nope" }, 404, "workspace"],
    ["topology.rows", { limit: 0 }, 400, "limit"],
    ["topology.rows", { limit: 501 }, 400, "limit"],
    ["topology.rows", { offset: -1 }, 400, "offset"],
    ["topology.rows", { state: "broken" }, 400, "state"],
    ["topology.rows", { sort: "size" }, 400, "sort"],
    ["topology.rows", { search: 5 }, 400, "search"],
    ["topology.rows", { workspace: "nope" }, 404, "workspace"],
  ] as Array<[string, unknown, number, string]>)("%s with %j answers %i naming %s", async (path, input, status, field) => {
    const { handle } = handlerFor(fakeFleet());
    const answer = await errorOf(await handle(get(path, input)));
    expect(answer.status).toBe(status);
    expect(answer.error.data.fieldErrors).toContainEqual({ field, message: expect.any(String) });
  });

  it("onChange sends the graph's version as a tracked event id", async () => {
    const fleet = fakeFleet();
    const { handle } = handlerFor(fleet);
    const version = (await createCallerFactory(appRouter)({ fleet }).topology.graph({ workspace: "bookinfo-ws" })).version;
    const controller = new AbortController();
    const res = await handle(get("topology.onChange", { workspace: "bookinfo-ws" }, { headers: { accept: "text/event-stream" }, signal: controller.signal }));
    const reader = res.body?.getReader();
    if (!reader) throw new Error("no body");
    const decoder = new TextDecoder();
    let text = "";
    const deadline = Date.now() + 5_000;
    while (!/^id: /m.test(text) && Date.now() < deadline) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += decoder.decode(chunk.value, { stream: true });
    }
    expect(text).toContain(`id: ${version}`);
    await reader.cancel();
    controller.abort();
  });

  it("onChange refuses an unknown workspace inside the stream, naming the field", async () => {
    const { handle } = handlerFor(fakeFleet());
    const res = await handle(get("topology.onChange", { workspace: "nope" }, { headers: { accept: "text/event-stream" } }));
    const text = await res.text();
    expect(text).toContain("event: serialized-error");
    expect(text).toContain('"field":"workspace"');
  });
});
