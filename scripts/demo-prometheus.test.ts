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
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "demo-prometheus-"));
    await writeFile(join(dir, "admin-token"), `${token}\n`);
    metrics = await startMetricsServer(createTelemetry("west"), "127.0.0.1");
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

  it("starts Prometheus scraping the clusters that list a metrics endpoint, and prints its URL", async () => {
    const port = (admin.address() as AddressInfo).port;
    const demo = await startDemoPrometheus(["--admin-port", String(port)], join(dir, "kubeconfig"));
    const child = demo.children[0];
    try {
      expect(demo.message).toMatch(/^Prometheus is running at http:\/\/127\.0\.0\.1:\d+, scraping Istio's metrics of west every second/);
      const url = /running at (http:\/\/[^,]+),/.exec(demo.message)?.[1] ?? "";
      const deadline = Date.now() + 20_000;
      let up: Array<{ metric: Record<string, string>; value: number }> = [];
      while (Date.now() < deadline && up.length === 0) {
        up = await queryPrometheus(url, 'up{cluster="west"} == 1');
        if (up.length === 0) await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(up).toHaveLength(1);
    } finally {
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
