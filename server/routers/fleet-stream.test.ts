import { describe, expect, it } from "vitest";
import { fakeFleet, get, handlerFor } from "@/server/http/test/handler-fixture";

/** Reads the SSE stream until `done` says enough, or the deadline passes. */
async function readUntil(res: Response, done: (text: string) => boolean, deadlineMs = 5_000): Promise<string> {
  const reader = res.body?.getReader();
  if (!reader) throw new Error("no body");
  const decoder = new TextDecoder();
  let text = "";
  const deadline = Date.now() + deadlineMs;
  while (!done(text) && Date.now() < deadline) {
    const chunk = await reader.read();
    if (chunk.done) break;
    text += decoder.decode(chunk.value, { stream: true });
  }
  await reader.cancel();
  return text;
}

describe("fleet.onChange over SSE", () => {
  it("tells the browser to reconnect after 30 s without a ping or an event, then sends the fleet", async () => {
    const { handle } = handlerFor(fakeFleet());
    const controller = new AbortController();
    const res = await handle(get("fleet.onChange", {}, { headers: { accept: "text/event-stream" }, signal: controller.signal }));
    expect(res.headers.get("content-type")).toMatch(/text\/event-stream/);
    const text = await readUntil(res, (t) => t.includes("fleet-reset"));
    controller.abort();
    // tRPC's `connected` event carries the client options the httpSubscriptionLink applies.
    const connected = /event: connected\ndata: (.*)\n/.exec(text)?.[1];
    expect(JSON.parse(connected ?? "{}")).toMatchObject({ reconnectAfterInactivityMs: 30_000 });
    expect(text).toContain("fleet-reset");
  });
});
