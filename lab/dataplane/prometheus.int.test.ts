// Debian's Prometheus scraping two clusters' metrics endpoints on loopback: per-destination-cluster request rates
// come back from PromQL. The test setup installs Prometheus (scripts/install-prometheus.ts, vitest globalSetup);
// without it this test fails, saying how to get it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMetricsServer, type MetricsServer } from "./metrics-server";
import { findPrometheus, PROMETHEUS_INSTALL_HINT, PROMETHEUS_PATH, startPrometheus, type PromSample, type RunningPrometheus } from "./prometheus";
import { targetsOf } from "./prometheus-config";
import { createTelemetry } from "./telemetry";
import type { RequestSample, Telemetry } from "./types";

const QUERY = 'sum by (destination_cluster) (rate(istio_requests_total{reporter="source"}[5s]))';

function sample(source: string, destination: string): RequestSample {
  return {
    reporter: "source", sourceCluster: source, sourceWorkload: "sleep", sourceWorkloadNamespace: "sleep", destinationCluster: destination,
    destinationService: "details.bookinfo.svc.cluster.local", destinationWorkload: "details-v1", destinationWorkloadNamespace: "bookinfo",
    responseCode: 200, responseFlags: "-", durationMs: 2,
  };
}

describe("Prometheus scrapes the lab's metrics endpoints", () => {
  const telemetry: Record<string, Telemetry> = { west: createTelemetry("west"), east: createTelemetry("east") };
  const servers: MetricsServer[] = [];
  let prometheus: RunningPrometheus | undefined;
  let traffic: NodeJS.Timeout | undefined;

  beforeAll(async () => {
    for (const t of Object.values(telemetry)) servers.push(await startMetricsServer(t, "127.0.0.1"));
    // Steady traffic while Prometheus scrapes: west serves its own callers, east serves east's and half of west's.
    traffic = setInterval(() => {
      telemetry.west?.record(sample("west", "west"));
      telemetry.west?.record(sample("west", "east"));
      telemetry.east?.record(sample("east", "east"));
    }, 50);
  });
  afterAll(async () => {
    clearInterval(traffic);
    await prometheus?.stop();
    await Promise.all(servers.map((s) => s.close()));
  });

  it("returns a positive request rate per destination cluster", async () => {
    const binary = findPrometheus();
    if (!binary) throw new Error(`Prometheus is not installed at ${PROMETHEUS_PATH}: ${PROMETHEUS_INSTALL_HINT} (npm test's setup does it as root)`);
    const urls = Object.fromEntries(Object.keys(telemetry).map((name, i) => [name, servers[i]?.url ?? ""]));
    prometheus = await startPrometheus(targetsOf(urls), { binary, intervalSeconds: 1 });
    // A rate needs two scrapes inside the window: poll the query until both clusters show (bounded).
    const deadline = Date.now() + 30_000;
    let result: PromSample[] = [];
    while (Date.now() < deadline) {
      result = await prometheus.query(QUERY);
      if (result.length === 2 && result.every((s) => s.value > 0)) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const byCluster = Object.fromEntries(result.map((s) => [s.metric.destination_cluster, s.value]));
    expect(Object.keys(byCluster).sort()).toEqual(["east", "west"]);
    expect(byCluster.east).toBeGreaterThan(0);
    expect(byCluster.west).toBeGreaterThan(0);
    // Each endpoint was scraped as its own target, labelled with its cluster.
    const up = await prometheus.query("up");
    expect(up.map((s) => [s.metric.cluster, s.value]).sort()).toEqual([["east", 1], ["west", 1]]);
  });
});
