import { describe, expect, it } from "vitest";
import { readFilter, writeFilter } from "./filter-url";

describe("drill filters in the URL", () => {
  it.each([
    ["", {}],
    ["cluster=west&namespace=bookinfo&service=details&phase=Succeeded&verdict=Passed", { cluster: "west", namespace: "bookinfo", service: "details", phase: "Succeeded", verdict: "Passed" }],
    // Values the server would refuse are dropped, not sent.
    ["phase=Running&verdict=maybe", {}],
    ["namespace=Book_Info&service=" + "x".repeat(64), {}],
    ["cluster=" + "c".repeat(254), {}],
    ["cluster=%20&namespace=", {}],
  ])("%s reads as %j", (query, filter) => {
    expect(readFilter(new URLSearchParams(query))).toEqual(filter);
  });

  it("writes a filter in a fixed key order, empty values left out, and reads it back", () => {
    const filter = { verdict: "Failed", cluster: "east", namespace: "" } as const;
    expect(writeFilter(filter)).toBe("cluster=east&verdict=Failed");
    expect(readFilter(new URLSearchParams(writeFilter(filter)))).toEqual({ cluster: "east", verdict: "Failed" });
  });
});
