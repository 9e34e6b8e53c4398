// Probe pods run by the lab's kubelet: lines in the pod's log, read with kubectl against the lab's API server.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { probeLogsOf } from "./probe-log";
import { startProbePods } from "./probe-pods";
import { fakeMesh, pollUntil, startProbeTestLab, type ProbeTestLab } from "./probe-test-lab";

const PROBE = { "eastwest.dev/probe-url": "http://details.bookinfo.svc.cluster.local:9080/", "eastwest.dev/probe-interval-ms": "50" };

interface Line {
  ts: string;
  status: number;
  latencyMs: number;
  servedByCluster: string | null;
  servedByPod: string | null;
  error: string | null;
}

const parse = (text: string): Line[] => text.split("\n").filter((l) => l !== "").map((l) => JSON.parse(l) as Line);

describe("startProbePods", () => {
  let lab: ProbeTestLab;
  let mesh: ReturnType<typeof fakeMesh>;
  let probes: { stop(): void };
  const logOf = (name: string) => {
    const uid = lab.store.get(lab.podType, "sleep", name)?.metadata.uid ?? "";
    return probeLogsOf(lab.store).open(uid);
  };
  const linesOf = (name: string): number => logOf(name)?.entries.length ?? 0;
  const atLeast = (name: string, n: number) => pollUntil(`${n} lines from ${name}`, () => (linesOf(name) >= n ? true : undefined));

  beforeEach(async () => {
    lab = await startProbeTestLab();
    mesh = fakeMesh();
    probes = startProbePods(lab.ctx, { mesh });
  });
  afterEach(async () => {
    probes.stop();
    await lab.close();
  });

  it("a Running probe pod sends requests from its workload and writes one JSON line per request", async () => {
    lab.createPod("probe", PROBE);
    await atLeast("probe", 3);
    expect(mesh.requests[0]).toEqual({ url: PROBE["eastwest.dev/probe-url"], source: { namespace: "sleep", workload: "probe", pod: "probe" } });
    const lines = parse((logOf("probe")?.entries ?? []).map((e) => e.text).join("\n"));
    expect(lines.slice(0, 3).map((l) => Object.keys(l))).toEqual(Array(3).fill(["ts", "status", "latencyMs", "servedByCluster", "servedByPod", "error"]));
    expect(lines.slice(0, 3).map((l) => [l.status, l.servedByCluster, l.servedByPod, l.error])).toEqual([
      [200, "east", "details-v1-1", null],
      [200, "east", "details-v1-2", null],
      [200, "east", "details-v1-3", null],
    ]);
    // One request per interval, not faster: the sent times of consecutive lines are ≥ 50 ms apart.
    const sent = lines.map((l) => Date.parse(l.ts));
    const gaps = sent.slice(1).map((t, i) => t - (sent[i] ?? 0));
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(49);
  });

  it("only Running probe pods probe; deleting one stops it and drops its log", async () => {
    lab.createPod("pending", PROBE, "Pending");
    lab.createPod("plain", {});
    lab.createPod("gone", PROBE);
    lab.createPod("control", PROBE);
    await atLeast("gone", 2);
    lab.store.delete(lab.podType, "sleep", "gone");
    const fromGone = mesh.requests.filter((r) => r.source.pod === "gone").length;
    const control = linesOf("control");
    await atLeast("control", control + 3);
    expect(mesh.requests.filter((r) => r.source.pod === "gone").length).toBe(fromGone);
    expect(mesh.requests.some((r) => r.source.pod === "pending" || r.source.pod === "plain")).toBe(false);
    expect(logOf("pending")).toBeUndefined();
    expect(probeLogsOf(lab.store).open("gone")).toBeUndefined();
    lab.setPhase("pending", "Running");
    await atLeast("pending", 1);
  });

  it("kubectl logs --tail=2 gives the last two lines; a finished pod's log stays readable", async () => {
    lab.createPod("probe", PROBE);
    await atLeast("probe", 4);
    lab.setPhase("probe", "Succeeded");
    const all = (logOf("probe")?.entries ?? []).map((e) => e.text);
    const res = await lab.kubectl(["logs", "probe", "-c", "probe", "--tail=2"]);
    expect(res.stderr).toBe("");
    expect(res.stdout).toBe(`${all.slice(-2).join("\n")}\n`);
    const whole = await lab.kubectl(["logs", "probe", "-c", "probe"]);
    expect(whole.stdout).toBe(`${all.join("\n")}\n`);
  });

  it("kubectl logs --since-time gives the lines written at or after that second", async () => {
    lab.createPod("probe", PROBE);
    // Wait for lines on both sides of a whole second (kubectl sends --since-time with second precision).
    const boundary = await pollUntil("lines on both sides of a second boundary", () => {
      const times = (logOf("probe")?.entries ?? []).map((e) => e.time?.getTime() ?? 0);
      const second = Math.floor((times[0] ?? 0) / 1000) * 1000 + 1000;
      return times.some((t) => t >= second) ? second : undefined;
    });
    lab.setPhase("probe", "Failed");
    const entries = logOf("probe")?.entries ?? [];
    const expected = entries.filter((e) => (e.time?.getTime() ?? 0) >= boundary).map((e) => e.text);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(entries.length);
    const res = await lab.kubectl(["logs", "probe", "-c", "probe", `--since-time=${new Date(boundary).toISOString().replace(".000Z", "Z")}`]);
    expect(res.stderr).toBe("");
    expect(res.stdout).toBe(`${expected.join("\n")}\n`);
  });

  it("kubectl logs -f streams new lines as they are written and ends when the pod is deleted", async () => {
    lab.createPod("probe", PROBE);
    await atLeast("probe", 1);
    const follow = lab.spawnKubectl(["logs", "-f", "probe", "-c", "probe"]);
    try {
      const first = await pollUntil("kubectl to print a line", () => (parse(follow.output()).length >= 1 ? parse(follow.output()).length : undefined));
      // Lines written after kubectl connected arrive on the open stream.
      await pollUntil("two more streamed lines", () => (parse(follow.output()).length >= first + 2 ? true : undefined));
      const printed = parse(follow.output());
      const logged = parse((logOf("probe")?.entries ?? []).map((e) => e.text).join("\n"));
      expect(printed).toEqual(logged.slice(0, printed.length));
      lab.store.delete(lab.podType, "sleep", "probe");
      expect(await follow.exited).toBe(0);
    } finally {
      follow.stop();
    }
  });

  it("the sidecar container keeps its own log", async () => {
    lab.createPod("probe", PROBE);
    await atLeast("probe", 1);
    const res = await lab.kubectl(["logs", "probe", "-c", "istio-proxy"]);
    expect(res.code).toBe(0);
    expect(res.stdout).not.toContain('"servedByCluster"');
  });
});
