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

describe("lab admin server: the data plane's routes", () => {
  const sent: Array<{ cluster: string; url: string; namespace: string; count: number; workload?: string }> = [];
  const trafficFaults = new Map<string, unknown>();
  /** A fake target's fault setter: records the fault for a known object, answers whether it was known. */
  const remember = (known: boolean, key: string, fault: unknown): boolean => {
    if (known) trafficFaults.set(key, fault);
    return known;
  };
  let withDataPlane: AdminServer;
  beforeAll(async () => {
    withDataPlane = await startAdminServer(
      {
        clusters: () => [{ name: "north", url: "http://127.0.0.1/north", metricsUrl: "http://127.9.0.1:1234/metrics" }],
        fault: () => ({ mode: "none" }),
        setFault: async () => undefined,
        setPodFault: () => false,
        dataPlane: {
          request: async (cluster, request) => {
            sent.push({ cluster, ...request });
            return Array.from({ length: request.count }, () => ({ status: 200, latencyMs: 3, servedByCluster: "west", servedByPod: "details-v1-x", error: null, responseFlags: "-" }));
          },
          setPodFault: (cluster, namespace, pod, fault) => remember(pod === "details-v1-abc", `${cluster}/${namespace}/${pod}`, fault),
          setGatewayFault: (cluster, namespace, gateway, fault) => remember(gateway === "eastwest-gateway", `${cluster}/${namespace}/gw/${gateway}`, fault),
        },
      },
      { token: TOKEN },
    );
  });
  afterAll(async () => {
    await withDataPlane.close();
  });
  const postTo = (server: AdminServer, path: string, body: unknown) =>
    fetch(`${server.url}${path}`, { method: "POST", body: typeof body === "string" ? body : JSON.stringify(body), headers: auth });

  it("lists each cluster's metrics URL", async () => {
    const res = await fetch(`${withDataPlane.url}/clusters`, { headers: auth });
    expect(await res.json()).toEqual([{ name: "north", url: "http://127.0.0.1/north", metricsUrl: "http://127.9.0.1:1234/metrics", fault: { mode: "none" } }]);
  });

  it("sends count requests from the namespace through the cluster and answers their results", async () => {
    const res = await postTo(withDataPlane, "/clusters/north/request", { url: "http://details.bookinfo:9080/", namespace: "sleep", count: 2 });
    expect(res.status).toBe(200);
    const { results } = (await res.json()) as { results: unknown[] };
    expect(results).toHaveLength(2);
    expect(results[0]).toEqual({ status: 200, latencyMs: 3, servedByCluster: "west", servedByPod: "details-v1-x", error: null, responseFlags: "-" });
    expect(sent.at(-1)).toEqual({ cluster: "north", url: "http://details.bookinfo:9080/", namespace: "sleep", count: 2 });
    await postTo(withDataPlane, "/clusters/north/request", { url: "http://details.bookinfo:9080/", namespace: "sleep" });
    expect(sent.at(-1)?.count).toBe(1);
  });

  it.each<[string, unknown, string]>([
    ["no url", { namespace: "sleep" }, "url: "],
    ["an https url", { url: "https://details.bookinfo:9080/", namespace: "sleep" }, "url: must be an http:// URL"],
    ["a namespace that is no label", { url: "http://details.bookinfo:9080/", namespace: "Sleep_1" }, "namespace: must be an RFC 1123 label"],
    ["count 0", { url: "http://details.bookinfo:9080/", namespace: "sleep", count: 0 }, "count: "],
    ["count over 1000", { url: "http://details.bookinfo:9080/", namespace: "sleep", count: 1001 }, "count: "],
    ["an unknown field", { url: "http://details.bookinfo:9080/", namespace: "sleep", cluster: "west" }, "unknown field(s): cluster"],
    ["not JSON", "{url", "the body must be JSON"],
  ])("rejects a request body with %s (400 naming the field), sending nothing", async (_, body, message) => {
    const before = sent.length;
    const res = await postTo(withDataPlane, "/clusters/north/request", body);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toContain(message);
    expect(sent.length).toBe(before);
  });

  it("answers 413 for a request body over 64 KiB, and sends nothing", async () => {
    const before = sent.length;
    const res = await postTo(withDataPlane, "/clusters/north/request", { url: "http://details.bookinfo:9080/", namespace: "x".repeat(70 * 1024) });
    expect(res.status).toBe(413);
    expect(sent.length).toBe(before);
  });

  it.each<[string, unknown, number, unknown]>([
    ["/clusters/north/pods/bookinfo/details-v1-abc/traffic-fault", { mode: "error", status: 502 }, 200, { mode: "error", status: 502 }],
    ["/clusters/north/pods/bookinfo/details-v1-abc/traffic-fault", { mode: "latency", latencyMs: 200 }, 200, { mode: "latency", latencyMs: 200 }],
    ["/clusters/north/pods/bookinfo/details-v1-abc/traffic-fault", { mode: "error", status: 404 }, 400, "status: "],
    ["/clusters/north/pods/bookinfo/details-v1-abc/traffic-fault", { mode: "latency" }, 400, "latencyMs: "],
    ["/clusters/north/pods/bookinfo/details-v1-abc/traffic-fault", { mode: "stop" }, 400, "mode: must be one of none, error, refuse, latency"],
    ["/clusters/north/pods/bookinfo/nope/traffic-fault", { mode: "refuse" }, 404, "pod bookinfo/nope not found"],
    ["/clusters/north/gateways/bookinfo/eastwest-gateway/fault", { mode: "stop" }, 200, { mode: "stop" }],
    ["/clusters/north/gateways/bookinfo/eastwest-gateway/fault", { mode: "refuse" }, 400, "mode: must be one of none, stop, latency"],
    ["/clusters/north/gateways/bookinfo/other/fault", { mode: "none" }, 404, "gateway bookinfo/other not found"],
    ["/clusters/south/gateways/bookinfo/eastwest-gateway/fault", { mode: "none" }, 404, 'unknown cluster "south"'],
  ])("POST %s %j → %i", async (path, body, status, expected) => {
    const res = await postTo(withDataPlane, path, body);
    expect(res.status).toBe(status);
    const json = (await res.json()) as { fault?: unknown; error?: string };
    if (status === 200) expect(json.fault).toEqual(expected);
    else expect(json.error).toContain(expected);
  });

  it("applies pod and gateway faults to the named objects", async () => {
    await postTo(withDataPlane, "/clusters/north/pods/bookinfo/details-v1-abc/traffic-fault", { mode: "refuse" });
    await postTo(withDataPlane, "/clusters/north/gateways/bookinfo/eastwest-gateway/fault", { mode: "latency", latencyMs: 50 });
    expect(trafficFaults.get("north/bookinfo/details-v1-abc")).toEqual({ mode: "refuse" });
    expect(trafficFaults.get("north/bookinfo/gw/eastwest-gateway")).toEqual({ mode: "latency", latencyMs: 50 });
  });

  it("answers 409 without a data plane and 405 for GET", async () => {
    const res = await post("/clusters/west/request", JSON.stringify({ url: "http://details.bookinfo:9080/", namespace: "sleep" }));
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: string }).error).toContain("without its data plane");
    expect((await fetch(`${withDataPlane.url}/clusters/north/request`, { headers: auth })).status).toBe(405);
  });
});
