// The suite reads other roles' benchmarks from what they print: table rows first, else "label: value" lines.
import { describe, expect, it } from "vitest";
import { figureLines, tableRows } from "./script-stage";

describe("figureLines", () => {
  it.each([
    ["fleet 20 × 500: planned in 1.2 s", ["fleet 20 × 500: planned in 1.2 s"]],
    ["exposure preview         p50 240 ms / p95 431 ms (10 calls)", ["exposure preview: p50 240 ms / p95 431 ms (10 calls)"]],
    ["bench: starting the lab…", []],
    ["[lab] lab ready: yes", []],
    ["+-----+-----+", []],
    ["no figure here", []],
  ])("%s", (line, expected) => {
    expect(figureLines(line)).toEqual(expected);
  });
});

describe("tableRows", () => {
  it("reads printTable's rows with their notes, not its header", () => {
    const out = ["title", "+---+---+", "| figure | value |", "+---+---+", "| proxy: added p50 | 0.1 ms | (2000 calls)", "| heap after | 12 MiB |", "+---+---+"].join("\n");
    expect(tableRows(out, "auth")).toEqual([
      { figure: "auth: proxy: added p50", value: "0.1 ms", note: "(2000 calls)" },
      { figure: "auth: heap after", value: "12 MiB" },
    ]);
  });
});
