// A failover drill's observations, made as the drill runner makes them (issue #13), on the demo lab after the seed's
// steps (gateways, details exposed, XCP's DestinationRule; hand-mesh.ts): the probe Pod of
// docs/real-cluster-probe.md created with kubectl in west's bookinfo, its `kubectl logs` lines read back, and the
// faults injected through the Kubernetes API alone — `kubectl scale` (ScaleToZero) and `kubectl annotate pod …
// eastwest.dev/fault=fail-requests` (FailRequests). servedByCluster moves from west to east, and back once the
// fault is undone. With Istio's default outlier settings FailRequests does not move it at all: Envoy ejects no
// host while that would exceed maxEjectionPercent (10 % of a details cluster of two or three hosts).
// The figures (time to shift, failed requests, time to restore) are printed at the end, for the report.
import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import type { KubeObject } from "../../apiserver/types";
import { kubectlIn } from "../probe-test-lab";
import { exposeByHand, installGateways } from "./hand-mesh";
import { applyObject, readyPods, storeOf } from "./lab-store";
import { failoverDestinationRule, fqdn } from "./mesh-fixtures";
import { pollUntil } from "./poll";
import { parseProbeLog, servedOk, transitionAfter, whenStored, type ProbeLine, type Transition } from "./probe-timeline";
import { untilPushed } from "./push-barrier";
import { startTrafficLab, type TrafficLab } from "./traffic-lab";

const DOC = new URL("../../../docs/real-cluster-probe.md", import.meta.url);
const FAULT = "eastwest.dev/fault";
const PROBE = "probe-details";
/** What the console's drill runner asks its probe for (eastwest.dev/probe-interval-ms), so the figures are a drill's. */
const INTERVAL_MS = 250;

let env: TrafficLab;
let home: string;
const figures: Record<string, Record<string, number | string | null>> = {};

const kubectl = (args: string[]) => kubectlIn(home, env.lab.kubeconfigPath, ["--context", "west", "-n", "bookinfo", ...args]);
const west = () => storeOf(env.lab, "west");
const typeOf = (group: string, kind: string) => {
  const type = west().types.byKind(group, kind);
  if (!type) throw new Error(`the lab serves no ${kind}`);
  return type;
};

function documentedPod(): KubeObject {
  const blocks = [...readFileSync(DOC, "utf8").matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => parse(m[1] ?? "") as KubeObject);
  const pod = blocks.find((b) => b.kind === "Pod");
  if (!pod) throw new Error("no Pod spec in docs/real-cluster-probe.md");
  const annotations = { ...pod.metadata.annotations, "eastwest.dev/probe-url": "http://details.bookinfo:9080/details/0", "eastwest.dev/probe-interval-ms": String(INTERVAL_MS) };
  return { ...pod, metadata: { ...pod.metadata, namespace: "bookinfo", annotations } };
}

async function probeLines(): Promise<ProbeLine[]> {
  const res = await kubectl(["logs", PROBE, "-c", "probe"]);
  if (res.code !== 0) throw new Error(res.stderr);
  return parseProbeLog(res.stdout);
}

/** Polls the probe's log until a request ending after `since` satisfies `reached`. */
function untilLine(what: string, since: number, reached: (line: ProbeLine) => boolean, timeoutMs = 20_000): Promise<Transition> {
  return pollUntil(what, async () => transitionAfter(await probeLines(), since, reached), { timeoutMs, intervalMs: 250 });
}

/** The lines that ended after `since`, once there are `count` of them. */
function untilCount(since: number, count: number): Promise<ProbeLine[]> {
  return pollUntil(`${count} probe lines`, async () => {
    const after = (await probeLines()).filter((l) => Date.parse(l.ts) + l.latencyMs > since);
    return after.length >= count ? after.slice(0, count) : undefined;
  }, { timeoutMs: 20_000, intervalMs: 250 });
}

/** Runs `write` (a kubectl command) and resolves with the instant west stored the object it was meant to change. */
async function written(args: string[], kind: [string, string], matches: (o: KubeObject) => boolean): Promise<number> {
  const stored = whenStored(west(), typeOf(...kind), matches);
  const res = await kubectl(args);
  expect(res.code, res.stderr).toBe(0);
  return stored;
}

const deploymentAt = (replicas: number) => (o: KubeObject) => o.metadata.name === "details-v1" && (o.spec as { replicas?: number }).replicas === replicas;
const annotated = (pod: string, value: string | undefined) => (o: KubeObject) => o.metadata.name === pod && o.metadata.annotations?.[FAULT] === value;
const isReady = (pod: string) => ((west().get(typeOf("", "Pod"), "bookinfo", pod)?.status as { conditions?: Array<{ type: string; status: string }> } | undefined)?.conditions ?? [])
  .some((c) => c.type === "Ready" && c.status === "True");

async function localPod(): Promise<string> {
  const [pod] = readyPods(env.lab, "west", "bookinfo", { app: "details" });
  if (!pod) throw new Error("no ready details pod in west");
  await untilLine(`the probe served by ${pod}`, Date.now(), (l) => servedOk("west")(l) && l.servedByPod === pod);
  return pod;
}

beforeAll(async () => {
  env = await startTrafficLab();
  exposeByHand(env.lab, await installGateways(env.lab));
  home = await mkdtemp(join(tmpdir(), "lab-drill-probe-"));
  await writeFile(join(home, "probe.yaml"), stringify(documentedPod()));
  const applied = await kubectl(["apply", "-f", join(home, "probe.yaml")]);
  expect(applied.stderr).toBe("");
}, 60_000);

afterAll(async () => {
  console.log(`drill figures (lab, probe every ${INTERVAL_MS} ms, clock from the cluster's write):\n${JSON.stringify(figures, null, 2)}`);
  await env?.stop();
  if (home) await rm(home, { recursive: true, force: true });
});

describe("a drill's probe pod in west's bookinfo (seed's steps done)", () => {
  it("ScaleToZero: details-v1 at 0 moves servedByCluster from west to east; scaled back to 1, west again", async () => {
    await localPod();
    const injected = await written(["scale", "deployment/details-v1", "--replicas=0"], ["apps", "Deployment"], deploymentAt(0));
    const shift = await untilLine("the probe served by east", injected, servedOk("east"));
    expect(shift.line.servedByPod).toMatch(/^details-v1-/);
    const undone = await written(["scale", "deployment/details-v1", "--replicas=1"], ["apps", "Deployment"], deploymentAt(1));
    const back = await untilLine("the probe served by west again", undone, servedOk("west"));
    figures.scaleToZero = { timeToShiftMs: Math.round(shift.afterMs), failedRequests: shift.failed, timeToRestoreMs: Math.round(back.afterMs), failedWhileRestoring: back.failed };
    expect(back.failed).toBe(0);
  }, 60_000);

  it("FailRequests with Istio's default outlier settings: the pod answers 503, stays Ready, is never ejected, nothing moves to east", async () => {
    const istioDefaults = failoverDestinationRule(fqdn("details"), "bookinfo", { consecutive5xxErrors: 5, interval: "10s", baseEjectionTime: "30s" });
    applyObject(env.lab, "west", istioDefaults);
    await untilPushed(env.lab, "west");
    try {
      const pod = await localPod();
      const injected = await written(["annotate", "pod", pod, `${FAULT}=fail-requests`], ["", "Pod"], annotated(pod, "fail-requests"));
      // 20 requests of 3 attempts each: the 5th consecutive 5xx comes in the second, 55 more follow.
      const during = await untilCount(injected, 20);
      const fromPod = during.filter((l) => l.status === 503 && l.servedByPod === pod && l.error === "fault filter abort");
      expect(fromPod.length, JSON.stringify(during.slice(0, 3))).toBe(20);
      expect(isReady(pod)).toBe(true);
      const undone = await written(["annotate", "pod", pod, `${FAULT}-`], ["", "Pod"], annotated(pod, undefined));
      const back = await untilLine("the probe answered by west again", undone, servedOk("west"));
      expect(back.failed).toBe(0);
      figures.failRequestsIstioDefaults = { timeToShiftMs: null, failedOfFirst20: fromPod.length, timeToRestoreMs: Math.round(back.afterMs) };
    } finally {
      applyObject(env.lab, "west", failoverDestinationRule(fqdn("details"), "bookinfo"));
      await untilPushed(env.lab, "west");
    }
  }, 60_000);

  it("FailRequests with XCP's outlier settings: a 503, then east (the pod ejected, still Ready); annotation removed, west after the ejection", async () => {
    const pod = await localPod();
    const injected = await written(["annotate", "pod", pod, `${FAULT}=fail-requests`], ["", "Pod"], annotated(pod, "fail-requests"));
    const shift = await untilLine("the probe served by east", injected, servedOk("east"));
    // The first request's three attempts are 5xx 1–3; the second's 4th and 5th eject the pod, its 3rd attempt goes to east.
    expect(shift.failed).toBeGreaterThanOrEqual(1);
    expect(shift.failed).toBeLessThanOrEqual(2);
    expect(isReady(pod)).toBe(true);
    const undone = await written(["annotate", "pod", pod, `${FAULT}-`], ["", "Pod"], annotated(pod, undefined));
    // Ejected for baseEjectionTime (30 s), let back at the next interval tick: east serves until then, without a failure.
    const back = await untilLine("the probe served by west again", undone, servedOk("west"), 60_000);
    expect(back.failed).toBe(0);
    // Ejected after the injection, back no sooner than baseEjectionTime later (a few ms for the log's rounding).
    expect(undone - injected + back.afterMs).toBeGreaterThanOrEqual(30_000 - 5);
    figures.failRequestsXcp = { timeToShiftMs: Math.round(shift.afterMs), failedRequests: shift.failed, timeToRestoreMs: Math.round(back.afterMs), failedWhileRestoring: back.failed };
  }, 90_000);
});
