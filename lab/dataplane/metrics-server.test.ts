import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMetricsServer, type MetricsServer } from "./metrics-server";
import { createTelemetry } from "./telemetry";

describe("startMetricsServer", () => {
  const telemetry = createTelemetry("west");
  let server: MetricsServer;
  beforeAll(async () => {
    telemetry.record({
      reporter: "destination", sourceCluster: "north", sourceWorkload: "sleep", sourceWorkloadNamespace: "sleep", destinationCluster: "west",
      destinationService: "details.bookinfo.svc.cluster.local", destinationWorkload: "details-v1", destinationWorkloadNamespace: "bookinfo",
      responseCode: 200, responseFlags: "-", durationMs: 2,
    });
    server = await startMetricsServer(telemetry, "127.0.0.1");
  });
  afterAll(() => server.close());

  it("prints a URL on the host it was given, with an ephemeral port", () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    expect(server.url).not.toMatch(/:0\//);
  });

  it.each(["/metrics", "/stats/prometheus"])("GET %s answers the cluster's metrics as text format 0.0.4", async (path) => {
    const res = await fetch(new URL(path, server.url));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
    const text = await res.text();
    expect(text).toMatch(/^istio_requests_total\{reporter="destination",source_cluster="north",.*destination_cluster="west",.*\} 1$/m);
    expect(text).toContain("istio_request_duration_milliseconds_bucket{");
  });

  it("answers what it records after it started", async () => {
    telemetry.record({
      reporter: "source", sourceCluster: "west", sourceWorkload: "productpage-v1", sourceWorkloadNamespace: "bookinfo", destinationCluster: "east",
      destinationService: "reviews.bookinfo.svc.cluster.local", destinationWorkload: "reviews-v1", destinationWorkloadNamespace: "bookinfo",
      responseCode: 503, responseFlags: "UH", durationMs: 1,
    });
    const text = await (await fetch(server.url)).text();
    expect(text).toMatch(/^istio_requests_total\{reporter="source",.*response_code="503",response_flags="UH"\} 1$/m);
  });

  it.each([
    ["GET", "/", 404],
    ["GET", "/metricsx", 404],
    ["POST", "/metrics", 405],
  ])("%s %s → %i", async (method, path, status) => {
    const res = await fetch(new URL(path, server.url), { method });
    expect(res.status).toBe(status);
  });

  it("closes even while a scraper holds a keep-alive connection", async () => {
    const other = await startMetricsServer(createTelemetry("east"), "127.0.0.1");
    await (await fetch(other.url, { keepalive: true })).text();
    await other.close();
    await expect(fetch(other.url)).rejects.toThrow();
  });
});
