import { describe, expect, it } from "vitest";
import { flowQuery } from "./promql";
import { promQueryResponseSchema, samplesOf } from "./prometheus-response";

describe("flowQuery", () => {
  it("rates of the caller's counts over the window, by source, destination, service and response-code class", () => {
    expect(flowQuery()).toBe(
      'sum by (source_cluster, destination_cluster, destination_service, code_class) (label_replace(rate(istio_requests_total{reporter="source"}[1m]), "code_class", "${1}xx", "response_code", "([0-9]).*"))',
    );
    expect(flowQuery("5m")).toContain("[5m]");
  });
});

describe("the query response", () => {
  it.each<[string, unknown, boolean]>([
    ["a vector", { status: "success", data: { resultType: "vector", result: [{ metric: { a: "b" }, value: [1, "2"] }] } }, true],
    ["an error", { status: "error", errorType: "bad_data", error: "parse error" }, true],
    ["a matrix", { status: "success", data: { resultType: "matrix", result: [] } }, false],
    ["not Prometheus", { hello: "world" }, false],
    ["a value that is not a pair", { status: "success", data: { resultType: "vector", result: [{ metric: {}, value: [1] }] } }, false],
  ])("%s parses: %s", (_name, body, ok) => {
    expect(promQueryResponseSchema.safeParse(body).success).toBe(ok);
  });

  it("keeps finite, non-negative sample values only", () => {
    const samples = samplesOf([
      { metric: { x: "1" }, value: [1, "0.5"] },
      { metric: { x: "2" }, value: [1, "NaN"] },
      { metric: { x: "3" }, value: [1, "+Inf"] },
      { metric: { x: "4" }, value: [1, "-1"] },
    ]);
    expect(samples).toEqual([{ metric: { x: "1" }, value: 0.5 }]);
  });
});
