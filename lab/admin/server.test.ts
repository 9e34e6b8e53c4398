import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Fault } from "./fault";
import { startAdminServer, type AdminServer } from "./server";

const faults = new Map<string, Fault>([["west", { mode: "none" }], ["east", { mode: "none" }]]);
const podFaults = new Map<string, string>();
let admin: AdminServer;

beforeAll(async () => {
  admin = await startAdminServer({
    clusters: () => [...faults.keys()].map((name) => ({ name, url: `http://127.0.0.1/${name}` })),
    fault: (name) => faults.get(name) ?? { mode: "none" },
    setFault: async (name, fault) => void faults.set(name, fault),
    setPodFault: (cluster, namespace, pod, mode) => {
      if (pod !== "details-v1-abc") return false;
      podFaults.set(`${cluster}/${namespace}/${pod}`, mode);
      return true;
    },
  });
});
afterAll(async () => {
  await admin.close();
});

const post = (path: string, body: string) => fetch(`${admin.url}${path}`, { method: "POST", body, headers: { "Content-Type": "application/json" } });

describe("lab admin server", () => {
  it("answers /healthz and lists clusters with their faults", async () => {
    expect((await fetch(`${admin.url}/healthz`)).status).toBe(200);
    const res = await fetch(`${admin.url}/clusters`);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(await res.json()).toEqual([
      { name: "west", url: "http://127.0.0.1/west", fault: { mode: "none" } },
      { name: "east", url: "http://127.0.0.1/east", fault: { mode: "none" } },
    ]);
  });

  it("sets a valid fault", async () => {
    const res = await post("/clusters/east/fault", JSON.stringify({ mode: "hang", latencyMs: 250 }));
    expect(res.status).toBe(200);
    expect(faults.get("east")).toEqual({ mode: "hang", latencyMs: 250 });
    await post("/clusters/east/fault", JSON.stringify({ mode: "none" }));
    expect(faults.get("east")).toEqual({ mode: "none" });
  });

  it.each([
    ["not JSON", "{mode", "the body must be JSON"],
    ["an array", "[]", "JSON object"],
    ["an unknown mode", JSON.stringify({ mode: "explode" }), "mode must be one of none, refuse, hang, unauthorized"],
    ["a missing mode", JSON.stringify({ latencyMs: 5 }), "mode must be one of"],
    ["a negative latency", JSON.stringify({ mode: "none", latencyMs: -1 }), "latencyMs must be an integer"],
    ["a fractional latency", JSON.stringify({ mode: "none", latencyMs: 1.5 }), "latencyMs must be an integer"],
    ["an unknown field", JSON.stringify({ mode: "none", extra: 1 }), "unknown field(s): extra"],
  ])("rejects %s with 400 and a message", async (_what, body, message) => {
    const res = await post("/clusters/west/fault", body);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toContain(message);
    expect(faults.get("west")).toEqual({ mode: "none" });
  });

  it("answers 404 for an unknown cluster or path, 405 for a wrong method", async () => {
    const unknown = await post("/clusters/south/fault", JSON.stringify({ mode: "none" }));
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: string }).error).toContain('unknown cluster "south"');
    expect((await fetch(`${admin.url}/nope`)).status).toBe(404);
    expect((await fetch(`${admin.url}/clusters/west/fault`, { method: "DELETE" })).status).toBe(405);
  });

  it("fails, stops and heals a pod; 404 for an unknown pod, 400 for a bad mode", async () => {
    for (const mode of ["fail", "stop", "none"]) {
      const res = await post("/clusters/west/pods/bookinfo/details-v1-abc/fault", JSON.stringify({ mode }));
      expect(res.status).toBe(200);
      expect(podFaults.get("west/bookinfo/details-v1-abc")).toBe(mode);
    }
    expect((await post("/clusters/west/pods/bookinfo/nope/fault", JSON.stringify({ mode: "fail" }))).status).toBe(404);
    expect((await post("/clusters/south/pods/bookinfo/details-v1-abc/fault", JSON.stringify({ mode: "fail" }))).status).toBe(404);
    const bad = await post("/clusters/west/pods/bookinfo/details-v1-abc/fault", JSON.stringify({ mode: "explode" }));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toBe('mode must be one of none, fail, stop (got "explode")');
  });
});
