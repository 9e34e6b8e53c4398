import { describe, expect, it } from "vitest";
import { createTelemetry, ISTIO_DURATION_BUCKETS_MS } from "./telemetry";
import type { RequestSample } from "./types";

function sample(overrides: Partial<RequestSample> = {}): RequestSample {
  return {
    reporter: "source",
    sourceCluster: "north",
    sourceWorkload: "sleep",
    sourceWorkloadNamespace: "sleep",
    destinationCluster: "west",
    destinationService: "details.bookinfo.svc.cluster.local",
    destinationWorkload: "details-v1",
    destinationWorkloadNamespace: "bookinfo",
    responseCode: 200,
    responseFlags: "-",
    durationMs: 3,
    ...overrides,
  };
}

const WEST_OK =
  'reporter="source",source_cluster="north",source_workload="sleep",source_workload_namespace="sleep",destination_cluster="west",' +
  'destination_service="details.bookinfo.svc.cluster.local",destination_workload="details-v1",destination_workload_namespace="bookinfo",' +
  'request_protocol="http",response_code="200",response_flags="-"';

describe("createTelemetry", () => {
  it("exposes istio_requests_total per label set, in Prometheus text format", async () => {
    const telemetry = createTelemetry("north");
    telemetry.record(sample());
    telemetry.record(sample());
    telemetry.record(sample({ destinationCluster: "east", destinationWorkload: "details-v1" }));
    const text = await telemetry.text();
    expect(text).toContain("# TYPE istio_requests_total counter");
    expect(text).toContain(`istio_requests_total{${WEST_OK}} 2`);
    expect(text).toContain(`istio_requests_total{${WEST_OK.replace('destination_cluster="west"', 'destination_cluster="east"')}} 1`);
    expect(telemetry.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
  });

  it("observes durations in Istio's default millisecond buckets", async () => {
    const telemetry = createTelemetry("north");
    telemetry.record(sample({ durationMs: 3 }));
    telemetry.record(sample({ durationMs: 700 }));
    const text = await telemetry.text();
    expect(text).toContain("# TYPE istio_request_duration_milliseconds histogram");
    // Buckets are cumulative: 3 ms falls in le=5 and above, 700 ms in le=1000 and above.
    const bucket = (le: string): string | undefined => text.split("\n").find((l) => l.startsWith(`istio_request_duration_milliseconds_bucket{le="${le}",${WEST_OK}}`));
    const cases: Array<[string, number]> = [["1", 0], ["5", 1], ["500", 1], ["1000", 2], ["3600000", 2], ["+Inf", 2]];
    for (const [le, count] of cases) expect(bucket(le), `le=${le}`).toMatch(new RegExp(` ${count}$`));
    const les = text.split("\n").filter((l) => l.startsWith("istio_request_duration_milliseconds_bucket")).map((l) => /le="([^"]+)"/.exec(l)?.[1]);
    expect(les).toEqual([...ISTIO_DURATION_BUCKETS_MS.map(String), "+Inf"]);
    expect(text).toMatch(/istio_request_duration_milliseconds_sum\{[^}]*\} 703\n/);
    expect(text).toMatch(/istio_request_duration_milliseconds_count\{[^}]*\} 2\n/);
  });

  it.each([
    ["no HTTP response", { responseCode: 0, responseFlags: "UF", destinationWorkload: "" }, 'response_code="0"', 'response_flags="UF"', 'destination_workload="unknown"'],
    ["destination reporter", { reporter: "destination" as const, responseCode: 503 }, 'reporter="destination"', 'response_code="503"', 'request_protocol="http"'],
    ["nothing resolved", { destinationService: "unknown", destinationCluster: "" }, 'destination_service="unknown"', 'destination_cluster="unknown"', 'source_cluster="north"'],
  ])("labels: %s", async (_name, overrides, ...expected) => {
    const telemetry = createTelemetry("north");
    telemetry.record(sample(overrides));
    const line = (await telemetry.text()).split("\n").find((l) => l.startsWith("istio_requests_total{")) ?? "";
    for (const label of expected) expect(line).toContain(label);
  });

  it("keeps each cluster's counts apart (one registry per cluster)", async () => {
    const north = createTelemetry("north");
    const west = createTelemetry("west");
    north.record(sample());
    expect(await north.text()).toContain("istio_requests_total{");
    expect(await west.text()).not.toContain("istio_requests_total{");
  });
});
