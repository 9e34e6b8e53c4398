import { describe, expect, it } from "vitest";
import { asSentence, errorSentence, errorsFor, fieldErrorsOf, unplacedErrors } from "./field-errors";

describe("fieldErrorsOf", () => {
  it.each([
    ["the contract's list", { data: { fieldErrors: [{ field: "name", message: "not a DNS label" }] } }, [{ field: "name", message: "not a DNS label" }]],
    ["NOT_FOUND's field, in the same list", { message: "no such workspace", data: { code: "NOT_FOUND", fieldErrors: [{ field: "workspace", message: "no such workspace" }] } }, [{ field: "workspace", message: "no such workspace" }]],
    ["an error that is not about input", { message: "boom", data: { code: "INTERNAL_SERVER_ERROR", fieldErrors: [] } }, []],
    ["malformed entries", { data: { fieldErrors: [{ field: 1, message: "x" }, "y", { field: "name", message: "ok" }] } }, [{ field: "name", message: "ok" }]],
    ["an error without data", new Error("boom"), []],
    ["nothing", undefined, []],
  ])("reads %s", (_name, error, expected) => {
    expect(fieldErrorsOf(error)).toEqual(expected);
  });
});

describe("errorsFor / unplacedErrors", () => {
  const errors = [
    { field: "clusters.1", message: "stale" },
    { field: "clusters", message: "empty" },
    { field: "clustersX", message: "other" },
    { field: "workspace", message: "gone" },
  ];
  it("collects a field and its elements, not look-alikes", () => {
    expect(errorsFor(errors, "clusters").map((e) => e.message)).toEqual(["stale", "empty"]);
  });
  it("leaves what no form field shows", () => {
    expect(unplacedErrors(errors, ["clusters", "name"]).map((e) => e.message)).toEqual(["other", "gone"]);
  });
});

describe("sentences", () => {
  it.each([
    ["port 15443 missing", "Port 15443 missing."],
    ["Done.", "Done."],
    ["  ", ""],
    ["details.bookinfo.svc.cluster.local is exposed", "details.bookinfo.svc.cluster.local is exposed."],
    ["bookinfo/eastwest-gateway is not ready", "bookinfo/eastwest-gateway is not ready."],
  ])("asSentence(%j)", (input, expected) => expect(asSentence(input)).toBe(expected));

  it.each([
    ["a network failure", new TypeError("Failed to fetch"), "The console server did not answer. Check that it is running, then try again."],
    ["field errors", { message: "x", data: { fieldErrors: [{ field: "name", message: "use lower case" }] } }, "Use lower case."],
    ["raw JSON", { message: '[{"code":"invalid_type"}]' }, "The server rejected the request as malformed."],
    ["a plain message", { message: "the cluster refused: forbidden" }, "The cluster refused: forbidden."],
  ])("errorSentence of %s", (_name, error, expected) => expect(errorSentence(error)).toBe(expected));
});
