import { describe, expect, it } from "vitest";
import { dnsLabelError, dnsLabelProblem, dnsLabelSchema } from "./dns-name";

describe("dnsLabelProblem", () => {
  it.each([
    ["eastwest-gateway", undefined],
    ["a", undefined],
    ["x".repeat(63), undefined],
    ["", "is empty"],
    ["x".repeat(64), "is 64 characters long; the limit is 63"],
    ["EastWest", "has upper-case letters; use lower case"],
    ["-gw", "must start and end with a letter or digit"],
    ["gw-", "must start and end with a letter or digit"],
    ["east_west", "may contain only lower-case letters, digits and '-'"],
    ["east.west", "may contain only lower-case letters, digits and '-'"],
  ])("%j → %j", (value, problem) => {
    expect(dnsLabelProblem(value)).toBe(problem);
  });
});

describe("dnsLabelError / dnsLabelSchema", () => {
  it("names the field and the value", () => {
    expect(dnsLabelError("name", "Bad_Name", "gateway name")).toEqual({
      field: "name",
      message: 'gateway name "Bad_Name" has upper-case letters; use lower case (a DNS-1123 label such as eastwest-gateway).',
    });
    expect(dnsLabelError("name", "good", "gateway name")).toBeUndefined();
  });

  it.each([
    ["ok-name", true],
    ["Not OK", false],
    [42, false],
  ])("schema accepts %j: %s", (value, ok) => {
    expect(dnsLabelSchema("namespace").safeParse(value).success).toBe(ok);
  });
});
