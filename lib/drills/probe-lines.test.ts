import { describe, expect, it } from "vitest";
import { isSuccessStatus, parseProbeLine, parseProbeLog } from "./probe-lines";

const T = Date.parse("2026-12-05T01:02:03.456Z");

describe("parseProbeLine", () => {
  it.each([
    [
      "a 200 from east",
      '{"ts":"2026-12-05T01:02:03.456Z","status":200,"latencyMs":3.1,"servedByCluster":"east","servedByPod":"details-v1-7d4b9c-x2x9q","error":null}',
      { at: T + 3, ok: true, status: 200, latencyMs: 3.1, servedByCluster: "east", servedByPod: "details-v1-7d4b9c-x2x9q" },
    ],
    [
      "a 503 from Envoy",
      '{"ts":"2026-12-05T01:02:03.456Z","status":503,"latencyMs":0.4,"servedByCluster":null,"servedByPod":null,"error":"no healthy upstream"}',
      { at: T, ok: false, status: 503, latencyMs: 0.4, error: "no healthy upstream" },
    ],
    [
      "no response at all",
      '{"ts":"2026-12-05T01:02:03.456Z","status":0,"latencyMs":5000.0,"servedByCluster":null,"servedByPod":null,"error":"Operation timed out"}',
      { at: T + 5000, ok: false, status: 0, latencyMs: 5000, error: "Operation timed out" },
    ],
    [
      "kubelet timestamp prefix (nanoseconds) wins over ts",
      '2026-12-05T01:02:04.123456789Z {"ts":"2026-12-05T01:02:03Z","status":200,"latencyMs":12,"servedByCluster":"west","servedByPod":"p","error":null}',
      { at: Date.parse("2026-12-05T01:02:04.123Z"), ok: true, status: 200, latencyMs: 12, servedByCluster: "west", servedByPod: "p" },
    ],
    [
      "kubelet timestamp with an offset",
      '2026-12-05T02:02:04+01:00 {"ts":"2026-12-05T01:02:03Z","status":204,"latencyMs":1,"servedByCluster":"west","servedByPod":null,"error":null}',
      { at: Date.parse("2026-12-05T01:02:04Z"), ok: true, status: 204, latencyMs: 1, servedByCluster: "west" },
    ],
    [
      "a 404 with empty-string headers",
      '{"ts":"2026-12-05T01:02:03.456Z","status":404,"latencyMs":2,"servedByCluster":"","servedByPod":"","error":"not found"}',
      { at: T + 2, ok: false, status: 404, latencyMs: 2, error: "not found" },
    ],
    [
      "missing latency",
      '{"ts":"2026-12-05T01:02:03.456Z","status":200,"servedByCluster":"west"}',
      { at: T, ok: true, status: 200, servedByCluster: "west" },
    ],
  ])("%s", (_name, line, expected) => {
    expect(parseProbeLine(line)).toEqual(expected);
  });

  it.each([
    ["empty", ""],
    ["a shell message", "sh: curl: not found"],
    ["a partial line", '{"ts":"2026-12-05T01:02:03.456Z","status":200,"laten'],
    ["prefix then partial", '2026-12-05T01:02:04Z {"ts":"2026-12-05T01:02:03Z","sta'],
    ["bad JSON between braces", "{not json}"],
    ["not an object", "[1,2]"],
    ["a bad time", '{"ts":"yesterday","status":200,"latencyMs":1}'],
    ["status as text", '{"ts":"2026-12-05T01:02:03Z","status":"200","latencyMs":1}'],
    ["negative latency", '{"ts":"2026-12-05T01:02:03Z","status":200,"latencyMs":-1}'],
    ["no status", '{"ts":"2026-12-05T01:02:03Z","latencyMs":1}'],
  ])("skips %s", (_name, line) => {
    expect(parseProbeLine(line)).toBeUndefined();
  });
});

describe("parseProbeLog", () => {
  it("keeps probe lines in time order and skips the rest", () => {
    const log = [
      '2026-12-05T01:00:02Z {"ts":"2026-12-05T01:00:02Z","status":200,"latencyMs":1,"servedByCluster":"west","servedByPod":"a","error":null}',
      "curl: (6) Could not resolve host",
      '2026-12-05T01:00:01Z {"ts":"2026-12-05T01:00:01Z","status":503,"latencyMs":1,"servedByCluster":null,"servedByPod":null,"error":"x"}',
      '{"ts":"2026-12-05T01:00:03Z","status":200,"lat',
      "",
    ].join("\n");
    const samples = parseProbeLog(log);
    expect(samples.map((s) => [s.at, s.ok])).toEqual([
      [Date.parse("2026-12-05T01:00:01Z"), false],
      [Date.parse("2026-12-05T01:00:02Z"), true],
    ]);
  });

  it("handles CRLF line ends", () => {
    const log = '{"ts":"2026-12-05T01:00:01Z","status":200,"latencyMs":0,"servedByCluster":"west"}\r\n{"ts":"2026-12-05T01:00:02Z","status":200,"latencyMs":0,"servedByCluster":"east"}\r\n';
    expect(parseProbeLog(log).map((s) => s.servedByCluster)).toEqual(["west", "east"]);
  });
});

describe("isSuccessStatus", () => {
  it.each([
    [0, false],
    [199, false],
    [200, true],
    [302, true],
    [399, true],
    [400, false],
    [503, false],
  ])("%d → %s", (status, ok) => {
    expect(isSuccessStatus(status)).toBe(ok);
  });
});
