// A probe pod in a whole lab: the Pod spec of docs/real-cluster-probe.md, applied with kubectl to west, probes
// details through west's mesh client; `kubectl logs` shows the lines, and west's metrics count its requests as
// its sidecar would report them (source_workload = the pod, reporter="source").
import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { startLab, type Lab } from "../start";
import { kubectlIn, pollUntil } from "./probe-test-lab";

const DOC = new URL("../../docs/real-cluster-probe.md", import.meta.url);

function documentedPod(): Record<string, unknown> & { metadata: Record<string, unknown> } {
  const pod = [...readFileSync(DOC, "utf8").matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => parse(m[1] ?? "") as { kind?: string }).find((b) => b.kind === "Pod");
  if (!pod) throw new Error("no Pod spec in docs/real-cluster-probe.md");
  return pod as Record<string, unknown> & { metadata: Record<string, unknown> };
}

describe("a probe pod in the lab", () => {
  let lab: Lab;
  let dir: string;
  const kubectl = (args: string[]) => kubectlIn(dir, join(dir, "kubeconfig"), ["--context", "west", "-n", "bookinfo", ...args]);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "lab-probe-int-"));
    lab = await startLab({ scenario: "e2e", portBase: 0, adminPort: 0, kubeconfigPath: join(dir, "kubeconfig"), podReadyDelayMs: 50 });
  }, 60_000);
  afterAll(async () => {
    await lab?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it("logs one line per request served by west's details, and west's metrics count them", async () => {
    const pod = documentedPod();
    pod.metadata.namespace = "bookinfo";
    pod.metadata.annotations = { ...(pod.metadata.annotations as Record<string, string>), "eastwest.dev/probe-url": "http://details.bookinfo:9080/details/0", "eastwest.dev/probe-interval-ms": "100" };
    await writeFile(join(dir, "probe.yaml"), stringify(pod));
    const applied = await kubectl(["apply", "-f", join(dir, "probe.yaml")]);
    expect(applied.stderr).toBe("");
    const lines = await pollUntil("three probe lines", async () => {
      const res = await kubectl(["logs", "probe-details", "-c", "probe", "--tail=3"]);
      const parsed = res.stdout.split("\n").filter((l) => l !== "").map((l) => JSON.parse(l) as Record<string, unknown>);
      return parsed.length === 3 ? parsed : undefined;
    }, 30_000);
    for (const line of lines) expect(line).toMatchObject({ status: 200, servedByCluster: "west", servedByPod: expect.stringMatching(/^details-v1-/), error: null });
    const metrics = await (await fetch(lab.dataPlane.metricsUrls.west ?? "")).text();
    const counted = metrics.split("\n").find((l) => l.startsWith("istio_requests_total{") && l.includes('reporter="source"') && l.includes('source_workload="probe-details"'));
    expect(counted).toMatch(/destination_cluster="west".*response_code="200".*\} \d+$/);
    expect(await kubectl(["delete", "pod", "probe-details", "--wait=true"])).toMatchObject({ code: 0 });
  });
});
