// docs/real-cluster-probe.md stays true: its Pod spec asks the lab for the probe it documents, and its curl script,
// run with sh and curl against a local server, prints the probe pods' line format for each kind of outcome.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { KubeObject } from "../apiserver/types";
import { pollUntil } from "./probe-test-lab";
import { probeSpec } from "./probe-spec";

const DOC = new URL("../../docs/real-cluster-probe.md", import.meta.url);

function documentedPod(): KubeObject {
  const blocks = [...readFileSync(DOC, "utf8").matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => parse(m[1] ?? "") as KubeObject);
  const pod = blocks.find((b) => b.kind === "Pod");
  if (!pod) throw new Error("no Pod spec in docs/real-cluster-probe.md");
  return pod;
}

interface Line {
  ts: string;
  status: number;
  latencyMs: number;
  servedByCluster: string | null;
  servedByPod: string | null;
  error: string | null;
}

type Mode = "ok" | "503" | "quote";

describe("docs/real-cluster-probe.md", () => {
  const pod = documentedPod();
  let mode: Mode = "ok";
  let server: Server;
  let probe: ChildProcess;
  let output = "";
  const lines = (): Line[] => output.split("\n").filter((l) => l !== "").map((l) => JSON.parse(l) as Line);
  const next = (what: string, match: (l: Line) => boolean): Promise<Line> => {
    const seen = lines().length;
    return pollUntil(what, () => lines().slice(seen).find(match));
  };

  beforeAll(async () => {
    server = createServer((_req, res) => {
      if (mode === "ok") res.writeHead(200, { "x-served-by-cluster": "west", "x-served-by-pod": "details-v1-abc" }).end('{"id":0}');
      else if (mode === "503") res.writeHead(503).end("no healthy upstream");
      else res.writeHead(500).end('bad "quote" \\ here\nsecond line');
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const container = (pod.spec as { containers: Array<{ command: string[]; args: string[] }> }).containers[0];
    const [shell, flag] = container?.command ?? [];
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/details/0`;
    probe = spawn(shell === "/bin/sh" ? "sh" : String(shell), [String(flag), container?.args[0] ?? ""], { env: { ...process.env, PROBE_URL: url, PROBE_INTERVAL_MS: "50" } });
    probe.stdout?.on("data", (chunk: Buffer) => void (output += chunk.toString()));
  });
  afterAll(() => {
    probe.kill("SIGKILL");
    server.close();
  });

  it("the Pod spec asks the lab for the probe it documents", () => {
    expect(probeSpec(pod)).toEqual({ url: "http://details.bookinfo.svc.cluster.local:9080/details/0", intervalMs: 500 });
  });

  it("a served request: status, latency and who served it", async () => {
    const line = await next("a 200 line", (l) => l.status === 200);
    expect(Object.keys(line)).toEqual(["ts", "status", "latencyMs", "servedByCluster", "servedByPod", "error"]);
    expect(line).toMatchObject({ servedByCluster: "west", servedByPod: "details-v1-abc", error: null });
    expect(line.ts).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(line.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("a 503: the body is the error, nobody served", async () => {
    mode = "503";
    expect(await next("a 503 line", (l) => l.status === 503)).toMatchObject({ servedByCluster: null, servedByPod: null, error: "no healthy upstream" });
  });

  it("an error body with quotes and backslashes stays valid JSON (first line only)", async () => {
    mode = "quote";
    expect((await next("a 500 line", (l) => l.status === 500)).error).toBe('bad "quote" \\ here');
  });

  it("no response at all: status 0 and curl's error", async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const line = await next("a status 0 line", (l) => l.status === 0);
    expect(line.error).toMatch(/connect/i);
  });

  it("stops at once on SIGTERM (the pod's deletion), exit code 0", async () => {
    const exited = new Promise<number | null>((resolve) => probe.once("exit", (code) => resolve(code)));
    probe.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});
