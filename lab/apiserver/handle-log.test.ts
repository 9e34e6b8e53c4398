// pods/log options over raw HTTP, with a provider that keeps times and can be followed.
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLab, type Lab } from "../conformance/harness";
import type { ContainerLog, LogEntry, LogProvider } from "./context";

const T0 = Date.parse("2026-12-05T01:00:00Z");
const entries: LogEntry[] = [0, 1500, 2000, 3200].map((ms, i) => ({ time: new Date(T0 + ms), text: `line ${i + 1}` }));
const followers = new Set<{ onEntry: (e: LogEntry) => void; onEnd: () => void }>();

const open = (_ns: string, pod: string): ContainerLog | undefined => {
  if (pod === "static") return { entries };
  return {
    entries,
    follow(onEntry, onEnd) {
      const f = { onEntry, onEnd };
      followers.add(f);
      return () => void followers.delete(f);
    },
  };
};
const logs: LogProvider = Object.assign(() => "unused\n", { open });

let lab: Lab;
beforeAll(async () => {
  lab = await startLab({ server: { logs } });
  for (const name of ["static", "live"]) {
    await lab.call("POST", "/api/v1/namespaces/default/pods", { apiVersion: "v1", kind: "Pod", metadata: { name }, spec: { containers: [{ name: "c", image: "x" }] } });
  }
});
afterAll(() => lab.close());

const get = (query: string) => lab.call("GET", `/api/v1/namespaces/default/pods/static/log${query}`);

describe("pods/log options", () => {
  it.each([
    ["", "line 1\nline 2\nline 3\nline 4\n"],
    ["?tailLines=2", "line 3\nline 4\n"],
    ["?tailLines=0", ""],
    ["?sinceTime=2026-12-05T01:00:02Z", "line 3\nline 4\n"],
    ["?sinceTime=2026-12-05T01:00:01Z&tailLines=1", "line 4\n"],
    ["?timestamps=true&tailLines=1", "2026-12-05T01:00:03.200Z line 4\n"],
    ["?limitBytes=9", "line 1\nli"],
  ])("GET log%s", async (query, text) => {
    const reply = await get(query);
    expect(reply.status).toBe(200);
    expect(reply.text).toBe(text);
  });

  it("sinceSeconds keeps the lines of the last n seconds", async () => {
    expect((await get("?sinceSeconds=1")).text).toBe("");
    expect((await get(`?sinceSeconds=${Math.ceil((Date.now() - T0) / 1000) + 1}`)).text).toBe("line 1\nline 2\nline 3\nline 4\n");
  });

  it.each([
    ["?sinceTime=yesterday", /parsing time/],
    ["?sinceSeconds=0", /sinceSeconds/],
    ["?tailLines=-1", /tailLines/],
    ["?sinceTime=2026-12-05T01:00:02Z&sinceSeconds=5", /at most one/],
  ])("GET log%s → 400", async (query, message) => {
    const reply = await get(query);
    expect(reply.status).toBe(400);
    expect(String(reply.body.message)).toMatch(message);
  });

  it("follow of a container that has stopped answers its lines and ends", async () => {
    expect((await get("?follow=true&tailLines=1")).text).toBe("line 4\n");
  });

  it("follow streams new lines and ends when the container stops", async () => {
    let text = "";
    const ended = new Promise<number>((resolve, reject) => {
      const req = request(`${lab.url}/api/v1/namespaces/default/pods/live/log?follow=true&tailLines=1`, (res) => {
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          text += chunk;
          // Once the existing line has arrived, the container writes one more and stops.
          if (text === "line 4\n") {
            for (const f of [...followers]) f.onEntry({ time: new Date(), text: "line 5" });
            for (const f of [...followers]) f.onEnd();
          }
        });
        res.on("end", () => resolve(res.statusCode ?? 0));
      });
      req.on("error", reject);
      req.end();
    });
    expect(await ended).toBe(200);
    expect(text).toBe("line 4\nline 5\n");
    expect(followers.size).toBe(0);
  });

  it("a follower that disconnects is unsubscribed", async () => {
    const before = followers.size;
    const controller = new AbortController();
    const res = await fetch(`${lab.url}/api/v1/namespaces/default/pods/live/log?follow=true&tailLines=0`, { signal: controller.signal });
    expect(res.status).toBe(200);
    expect(followers.size).toBe(before + 1);
    controller.abort();
    const deadline = Date.now() + 5000;
    while (followers.size > before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(followers.size).toBe(before);
  });
});
