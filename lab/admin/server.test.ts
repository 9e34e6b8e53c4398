import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Fault } from "./fault";
import { startAdminServer, type AdminServer } from "./server";
import { adminTokenPath, newAdminToken, writeAdminToken } from "./token";

const faults = new Map<string, Fault>([["west", { mode: "none" }], ["east", { mode: "none" }]]);
const podFaults = new Map<string, string>();
const TOKEN = newAdminToken();
let admin: AdminServer;

beforeAll(async () => {
  admin = await startAdminServer(
    {
      clusters: () => [...faults.keys()].map((name) => ({ name, url: `http://127.0.0.1/${name}` })),
      fault: (name) => faults.get(name) ?? { mode: "none" },
      setFault: async (name, fault) => void faults.set(name, fault),
      setPodFault: (cluster, namespace, pod, mode) => {
        if (pod !== "details-v1-abc") return false;
        podFaults.set(`${cluster}/${namespace}/${pod}`, mode);
        return true;
      },
    },
    { token: TOKEN },
  );
});
afterAll(async () => {
  await admin.close();
});

const auth = { Authorization: `Bearer ${TOKEN}` };
const get = (path: string) => fetch(`${admin.url}${path}`, { headers: auth });
const post = (path: string, body: string) => fetch(`${admin.url}${path}`, { method: "POST", body, headers: { "Content-Type": "application/json", ...auth } });

/** A raw request with exactly these headers (node's fetch adds Sec-Fetch-Mode and may not send some headers). */
function raw(method: string, path: string, headers: Record<string, string>, body = ""): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${admin.url}${path}`, { method, headers }, (res) => {
      let text = "";
      res.on("data", (chunk: Buffer) => void (text += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

describe("lab admin endpoint: who may use it", () => {
  const fault = JSON.stringify({ mode: "unauthorized" });
  it.each<[string, Record<string, string>, number]>([
    ["no token", {}, 401],
    ["a wrong token", { Authorization: `Bearer ${newAdminToken()}` }, 401],
    ["the token as Basic credentials", { Authorization: `Basic ${TOKEN}` }, 401],
    ["the token with something after it", { Authorization: `Bearer ${TOKEN} x` }, 401],
    ["the right token from a page (Origin)", { ...auth, Origin: "https://attacker.example" }, 403],
    ["the right token, same Origin as the endpoint", { ...auth, Origin: "http://127.0.0.1" }, 403],
    ["a browser's fetch metadata (a rebinding page looks same-origin)", { ...auth, "Sec-Fetch-Site": "same-origin", "Sec-Fetch-Mode": "cors", "Sec-Fetch-Dest": "empty" }, 403],
    ["a form post without Origin", { ...auth, "Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "navigate", "Sec-Fetch-Dest": "document", "Sec-Fetch-User": "?1" }, 403],
  ])("POST a fault with %s → %i, and nothing changes", async (_, headers, status) => {
    const res = await raw("POST", "/clusters/west/fault", { "Content-Type": "text/plain", ...headers }, fault);
    expect(res.status).toBe(status);
    expect(faults.get("west")).toEqual({ mode: "none" });
    if (status === 401) expect(res.text).toContain("Authorization: Bearer");
  });

  it.each([["/clusters"], ["/clusters/west/fault"], ["/nope"]])("GET %s without the token → 401 (the path is not even looked at)", async (path) => {
    const res = await raw("GET", path, {});
    expect(res.status).toBe(401);
    expect(res.text).not.toContain("west");
  });

  it("the right token → 200 (curl-like, and node's fetch, which sends Sec-Fetch-Mode: cors)", async () => {
    expect((await raw("GET", "/clusters", auth)).status).toBe(200);
    expect((await get("/clusters")).status).toBe(200);
  });

  it("GET /healthz needs no token and says nothing but ok; a browser gets 403 there too", async () => {
    const res = await raw("GET", "/healthz", {});
    expect(res).toEqual({ status: 200, text: "ok\n" });
    expect((await raw("GET", "/healthz", { "Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "no-cors", "Sec-Fetch-Dest": "image" })).status).toBe(403);
  });
});

describe("lab admin token file", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  it("is admin-token beside the kubeconfig, written 0600 even over a looser file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "lab-admin-"));
    dirs.push(dir);
    const path = adminTokenPath(join(dir, "sub", "kubeconfig"));
    expect(path).toBe(join(dir, "sub", "admin-token"));
    const token = newAdminToken();
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    await writeAdminToken(path, token);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readFile(path, "utf8")).toBe(`${token}\n`);
    await writeFile(path, "old", { mode: 0o644 });
    await writeAdminToken(path, token);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it("is new at every start", () => {
    expect(newAdminToken()).not.toBe(newAdminToken());
  });
});

describe("lab admin server", () => {
  it("answers /healthz and lists clusters with their faults", async () => {
    expect((await fetch(`${admin.url}/healthz`)).status).toBe(200);
    const res = await get("/clusters");
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

  it("answers 413 for a body over 64 KiB, and changes nothing", async () => {
    const res = await post("/clusters/west/fault", JSON.stringify({ mode: "refuse", pad: "x".repeat(70 * 1024) }));
    expect(res.status).toBe(413);
    expect(faults.get("west")).toEqual({ mode: "none" });
  });

  it("answers 404 for an unknown cluster or path, 405 for a wrong method", async () => {
    const unknown = await post("/clusters/south/fault", JSON.stringify({ mode: "none" }));
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: string }).error).toContain('unknown cluster "south"');
    expect((await get("/nope")).status).toBe(404);
    expect((await fetch(`${admin.url}/clusters/west/fault`, { method: "DELETE", headers: auth })).status).toBe(405);
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
