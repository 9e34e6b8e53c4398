// The lab CLI (lab/main.ts) as D and the lead use it: prints clusters, metrics endpoints, kubeconfig, admin URL,
// then `lab ready`; the admin server answers; `request` and `fault` act on the running lab through it; SIGTERM
// closes everything and exits 0.
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const dirs: string[] = [];
const ROOT = join(import.meta.dirname, "..", "..");

/** Runs a lab CLI command to its end. */
function run(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "lab/main.ts", ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stdout.on("data", (chunk: Buffer) => void (out += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => void (err += chunk.toString()));
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, out, err })));
}
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe("lab CLI", () => {
  it("starts the demo, prints its lines, serves, and stops cleanly on SIGTERM", async () => {
    const dir = await mkdtemp(join(tmpdir(), "lab-cli-"));
    dirs.push(dir);
    const kubeconfig = join(dir, "kubeconfig");
    const child = spawn(process.execPath, ["--import", "tsx", "lab/main.ts", "--port-base", "0", "--admin-port", "0", "--kubeconfig", kubeconfig], {
      cwd: join(import.meta.dirname, "..", ".."),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stderr.on("data", (chunk: Buffer) => void (err += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "lab ready" in time; stdout:\n${out}\nstderr:\n${err}`)), 45_000);
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes("lab ready\n")) {
          clearTimeout(timer);
          resolve();
        }
      });
      void exited.then((code) => reject(new Error(`exited ${code}; stderr:\n${err}`)));
    });
    const all = out.trim().split("\n");
    const metrics = all.filter((l) => l.startsWith("metrics "));
    expect(metrics.map((l) => l.replace(/ http:\/\/127\.0\.0\.1:\d+\/metrics$/, " URL"))).toEqual(["metrics west URL", "metrics east URL", "metrics north URL"]);
    const lines = all.filter((l) => !l.startsWith("metrics "));
    expect(all.slice(3, 6)).toEqual(metrics);
    expect(lines.slice(0, 3).map((l) => l.replace(/:\d+$/, ":PORT"))).toEqual([
      "cluster west http://127.0.0.1:PORT",
      "cluster east http://127.0.0.1:PORT",
      "cluster north http://127.0.0.1:PORT",
    ]);
    expect(lines[3]).toBe(`kubeconfig ${kubeconfig}`);
    // The example users (viewer, app-owner, platform-owner) and their contexts, beside the admin's kubeconfig.
    expect(lines[4]).toBe(`users kubeconfig ${join(dir, "users.kubeconfig")}`);
    expect(lines[5]).toMatch(/^admin http:\/\/127\.0\.0\.1:\d+$/);
    expect(lines[6]).toBe(`admin token file ${join(dir, "admin-token")}`);
    expect(lines[7]).toMatch(/^admin token [0-9a-f]{64}$/);
    expect(lines[8]).toMatch(/^started in \d+ ms, rss \d+ MiB$/);
    expect(lines[9]).toBe("lab ready");
    expect(err).toBe("");
    expect((await stat(kubeconfig)).mode & 0o777).toBe(0o600);
    const token = (lines[7] ?? "").replace("admin token ", "");
    expect((await stat(join(dir, "admin-token"))).mode & 0o777).toBe(0o600);
    expect(await readFile(join(dir, "admin-token"), "utf8")).toBe(`${token}\n`);
    const adminUrl = (lines[5] ?? "").replace("admin ", "");
    expect((await fetch(`${adminUrl}/healthz`)).status).toBe(200);
    expect((await fetch(`${adminUrl}/clusters`)).status).toBe(401);
    const clusters = (await (await fetch(`${adminUrl}/clusters`, { headers: { Authorization: `Bearer ${token}` } })).json()) as Array<{ name: string; url: string }>;
    expect(clusters.map((c) => c.name)).toEqual(["west", "east", "north"]);
    expect((await fetch(`${clusters[0]?.url ?? ""}/api/v1/namespaces/bookinfo/pods`)).status).toBe(200);
    const scrape = await fetch((metrics[0] ?? "").split(" ")[2] ?? "");
    expect(scrape.status).toBe(200);
    await commandsAgainst(adminUrl, kubeconfig, clusters[0]?.url ?? "");
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    // Each command is a process of its own (tsx start-up included), on a machine other test files share.
  }, 120_000);

  /** `request` and `fault` against the running lab, as a user types them. */
  async function commandsAgainst(adminUrl: string, kubeconfig: string, westUrl: string): Promise<void> {
    const admin = ["--admin-url", adminUrl, "--kubeconfig", kubeconfig];
    const productpage = "http://productpage.bookinfo.svc.cluster.local:9080/";
    const request = await run(["request", "--cluster", "west", "--namespace", "bookinfo", "--count", "2", ...admin, productpage]);
    expect(request.err).toBe("");
    expect(request.code).toBe(0);
    const results = request.out.trim().split("\n").map((l) => JSON.parse(l) as { status: number; servedByCluster: string; servedByPod: string });
    expect(results).toHaveLength(2);
    for (const r of results) expect(r).toMatchObject({ status: 200, servedByCluster: "west", servedByPod: expect.stringMatching(/^productpage-v1-/) });
    const pods = (await (await fetch(`${westUrl}/api/v1/namespaces/bookinfo/pods?labelSelector=app%3Dproductpage`)).json()) as { items: Array<{ metadata: { name: string } }> };
    const pod = pods.items[0]?.metadata.name ?? "";
    const fault = await run(["fault", "pod", "--cluster", "west", "--namespace", "bookinfo", pod, "--mode", "error", "--status", "502", ...admin]);
    expect(fault.code).toBe(0);
    expect(JSON.parse(fault.out)).toEqual({ cluster: "west", namespace: "bookinfo", pod, fault: { mode: "error", status: 502 } });
    const failing = await run(["request", "--cluster", "west", "--namespace", "bookinfo", ...admin, productpage]);
    expect(JSON.parse(failing.out)).toMatchObject({ status: 502, servedByPod: pod });
    expect((await run(["fault", "pod", "--cluster", "west", "--namespace", "bookinfo", pod, "--mode", "none", ...admin])).code).toBe(0);
    const unknown = await run(["fault", "gateway", "--cluster", "west", "--namespace", "bookinfo", "nope", "--mode", "stop", ...admin]);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain("404: gateway bookinfo/nope not found");
  }

  it("--no-data-plane: no metrics endpoints, and a request is refused saying why", async () => {
    const dir = await mkdtemp(join(tmpdir(), "lab-cli-"));
    dirs.push(dir);
    const kubeconfig = join(dir, "kubeconfig");
    const child = spawn(process.execPath, ["--import", "tsx", "lab/main.ts", "--scenario", "e2e", "--no-data-plane", "--port-base", "0", "--admin-port", "0", "--kubeconfig", kubeconfig], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    let out = "";
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes("lab ready\n")) resolve();
      });
      void exited.then((code) => reject(new Error(`exited ${code} before "lab ready"`)));
    });
    try {
      expect(out).not.toContain("metrics ");
      const adminUrl = /^admin (http:\S+)$/m.exec(out)?.[1] ?? "";
      const res = await run(["request", "--cluster", "west", "--admin-url", adminUrl, "--kubeconfig", kubeconfig, "http://details.bookinfo:9080/"]);
      expect(res.code).toBe(1);
      expect(res.err).toContain("409: this lab runs without its data plane");
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
  }, 120_000);

  it("request without a running lab says where it looked", async () => {
    const dir = await mkdtemp(join(tmpdir(), "lab-cli-"));
    dirs.push(dir);
    const res = await run(["request", "--cluster", "west", "--kubeconfig", join(dir, "kubeconfig"), "http://details.bookinfo:9080/"]);
    expect(res.code).toBe(1);
    expect(res.err).toContain(`cannot read the admin token at ${join(dir, "admin-token")}`);
  });

  it("warns loudly on stderr about a non-loopback --host before it listens", async () => {
    // 192.0.2.1 (TEST-NET-1) is on no interface here: the banner is printed, then listening fails, so nothing
    // is ever exposed by this test.
    const dir = await mkdtemp(join(tmpdir(), "lab-cli-"));
    dirs.push(dir);
    const child = spawn(process.execPath, ["--import", "tsx", "lab/main.ts", "--host", "192.0.2.1", "--port-base", "0", "--admin-port", "0", "--kubeconfig", join(dir, "kubeconfig")], {
      cwd: join(import.meta.dirname, "..", ".."),
    });
    let err = "";
    child.stderr.on("data", (chunk: Buffer) => void (err += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(1);
    const banner = err.split("\n").filter((l) => l.startsWith("!!"));
    expect(banner.length).toBeGreaterThanOrEqual(4);
    expect(banner.join("\n")).toContain("WARNING: the lab listens on 192.0.2.1, not on loopback");
  });

  it("rejects a bad flag value with a message and exit code 1", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "lab/main.ts", "--scenario", "nope"], { cwd: join(import.meta.dirname, "..", "..") });
    let err = "";
    child.stderr.on("data", (chunk: Buffer) => void (err += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(1);
    expect(err).toContain('--scenario must be one of demo, e2e, dns-gateway, scale (got "nope")');
  });
});
