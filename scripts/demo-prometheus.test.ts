// The demo's Prometheus: found from the lab's admin endpoint, scraping each cluster's metrics endpoint.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMetricsServer, type MetricsServer } from "../lab/dataplane/metrics-server";
import { queryPrometheus } from "../lab/dataplane/prometheus";
import { createTelemetry } from "../lab/dataplane/telemetry";
import type { RequestSample } from "../lab/dataplane/types";
import { flowsOf } from "../lib/traffic/from-vector";
import { flowQuery } from "../lib/traffic/promql";
import { adminUrlOf, startDemoPrometheus } from "./demo-prometheus";

describe("adminUrlOf", () => {
  it.each([
    [[], "http://127.0.0.1:17400"],
    [["--scenario", "scale", "--admin-port", "18400"], "http://127.0.0.1:18400"],
    [["--host", "127.0.0.2", "--clusters", "5"], "http://127.0.0.2:17400"],
    [["--host", "::1"], "http://[::1]:17400"],
    [["--admin-port", "0"], undefined],
  ])("lab args %j → %s", (args, url) => {
    expect(adminUrlOf(args)).toBe(url);
  });
});

describe("startDemoPrometheus", () => {
  const token = "t0ken";
  let dir: string;
  let metrics: MetricsServer;
  let admin: Server;
  const telemetry = createTelemetry("west");
  // west's callers of details, answered by east: two OK for each 503.
  const request = (responseCode: number): RequestSample => ({
    reporter: "source", sourceCluster: "west", sourceWorkload: "sleep", sourceWorkloadNamespace: "sleep", destinationCluster: "east",
    destinationService: "details.bookinfo.svc.cluster.local", destinationWorkload: "details-v1", destinationWorkloadNamespace: "bookinfo",
    responseCode, responseFlags: "-", durationMs: 1,
  });
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "demo-prometheus-"));
    await writeFile(join(dir, "admin-token"), `${token}\n`);
    metrics = await startMetricsServer(telemetry, "127.0.0.1");
    // The lab's admin endpoint as the demo reads it: GET /clusters with the bearer token.
    admin = createServer((req, res) => {
      if (req.url !== "/clusters" || req.headers.authorization !== `Bearer ${token}`) return void res.writeHead(401).end();
      res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify([{ name: "west", url: "http://127.0.0.1:1", metricsUrl: metrics.url }, { name: "east", url: "http://127.0.0.1:2" }]));
    });
    await new Promise<void>((resolve) => admin.listen(0, "127.0.0.1", resolve));
  });
  afterAll(async () => {
    admin.close();
    await metrics.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("starts Prometheus scraping the clusters that list a metrics endpoint, prints its URL and hands it over", async () => {
    const port = (admin.address() as AddressInfo).port;
    const demo = await startDemoPrometheus(["--admin-port", String(port)], join(dir, "kubeconfig"));
    const child = demo.children[0];
    const traffic = setInterval(() => [200, 200, 503].forEach((code) => telemetry.record(request(code))), 50);
    try {
      expect(demo.message).toMatch(/^Prometheus is running at http:\/\/127\.0\.0\.1:\d+, scraping Istio's metrics of west every second/);
      const url = /running at (http:\/\/[^,]+),/.exec(demo.message)?.[1] ?? "";
      expect(demo.url).toBe(url);
      const deadline = Date.now() + 20_000;
      let up: Array<{ metric: Record<string, string>; value: number }> = [];
      while (Date.now() < deadline && up.length === 0) {
        up = await queryPrometheus(url, 'up{cluster="west"} == 1');
        if (up.length === 0) await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(up).toHaveLength(1);
      // The console's traffic query on a real Prometheus: west → east for details, a third of it 5xx (label_replace
      // folds response_code into its class). A rate needs two scrapes: poll, bounded.
      let flows: ReturnType<typeof flowsOf> = [];
      const until = Date.now() + 20_000;
      while (Date.now() < until && !flows.some((f) => f.rps > 0 && f.errorRate > 0)) {
        flows = flowsOf(await queryPrometheus(url, flowQuery()));
        if (!flows.some((f) => f.rps > 0 && f.errorRate > 0)) await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(flows).toEqual([{ sourceCluster: "west", destinationCluster: "east", fqdn: "details.bookinfo.svc.cluster.local", rps: expect.any(Number), errorRate: expect.closeTo(1 / 3, 1) }]);
      expect(flows[0]?.rps).toBeGreaterThan(0);
    } finally {
      clearInterval(traffic);
      child?.kill("SIGTERM");
      if (child && child.exitCode === null) await new Promise((resolve) => child.once("exit", resolve));
    }
  });

  it("says why when the admin port is ephemeral", async () => {
    expect((await startDemoPrometheus(["--admin-port", "0"], join(dir, "kubeconfig"))).message).toMatch(/ephemeral/);
  });

  it("says what went wrong instead of failing the demo", async () => {
    const demo = await startDemoPrometheus(["--admin-port", String((admin.address() as AddressInfo).port)], join(dir, "elsewhere", "kubeconfig"));
    expect(demo.children).toEqual([]);
    expect(demo.message).toMatch(/^Prometheus could not start: .*admin-token/);
  });
});
