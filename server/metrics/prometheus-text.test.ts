import { describe, expect, it } from "vitest";
import { prometheusText } from "./prometheus-text";

describe("prometheusText", () => {
  it("writes HELP and TYPE once per family, then one line per sample with its labels", () => {
    const text = prometheusText([
      { name: "a_seconds", help: "A.", type: "gauge", samples: [{ labels: { range: "last_window", stat: "p99" }, value: 0.012 }, { labels: { range: "since_start", stat: "p99" }, value: 1.5 }] },
      { name: "b_total", help: "B.", type: "counter", samples: [{ value: 3 }] },
    ]);
    expect(text).toBe(
      [
        "# HELP a_seconds A.",
        "# TYPE a_seconds gauge",
        'a_seconds{range="last_window",stat="p99"} 0.012',
        'a_seconds{range="since_start",stat="p99"} 1.5',
        "# HELP b_total B.",
        "# TYPE b_total counter",
        "b_total 3",
        "",
      ].join("\n"),
    );
  });

  it("escapes label values and help text as the format says; NaN and infinities by name", () => {
    const text = prometheusText([{ name: "x", help: "line\\one\ntwo", type: "gauge", samples: [{ labels: { v: 'a"b\\c\nd' }, value: NaN }, { value: Infinity }, { value: -Infinity }] }]);
    expect(text.split("\n")).toEqual(["# HELP x line\\\\one\\ntwo", "# TYPE x gauge", 'x{v="a\\"b\\\\c\\nd"} NaN', "x +Inf", "x -Inf", ""]);
  });

  it("refuses a metric or label name the format cannot carry", () => {
    expect(() => prometheusText([{ name: "bad-name", help: "", type: "gauge", samples: [] }])).toThrow(/invalid metric name/);
    expect(() => prometheusText([{ name: "ok", help: "", type: "gauge", samples: [{ labels: { "1x": "v" }, value: 1 }] }])).toThrow(/invalid label name/);
  });
});
