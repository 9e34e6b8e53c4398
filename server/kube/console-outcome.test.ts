import { describe, expect, it } from "vitest";
import { classifyConsoleError } from "./console-outcome";

const apiError = (code: number, body: unknown) => Object.assign(new Error("HTTP"), { code, body: JSON.stringify(body) });

describe("classifyConsoleError", () => {
  it.each([
    [
      "an SSA conflict names the other manager",
      apiError(409, { kind: "Status", code: 409, reason: "Conflict", message: "Apply failed with 1 conflict", details: { causes: [{ reason: "FieldManagerConflict", field: ".spec.x", message: 'conflict with "gitops"' }] } }),
      { kind: "conflict", conflicts: [expect.objectContaining({ field: "spec.x", manager: "gitops" })] },
    ],
    ["a rejection keeps the cluster's message verbatim", apiError(422, { kind: "Status", code: 422, message: 'IngressGateway.install.tetrate.io "x" is invalid: spec: Required value' }), { kind: "rejected", status: 422, message: 'IngressGateway.install.tetrate.io "x" is invalid: spec: Required value' }],
    ["a failed precondition is a rejection with its message", apiError(409, { kind: "Status", code: 409, message: "Precondition failed: UID in precondition: u1, UID in object meta: u2" }), { kind: "rejected", message: expect.stringMatching(/^Precondition failed/) }],
    ["401 is unreachable in our own words", apiError(401, { message: "token abc expired" }), { kind: "unreachable", message: expect.not.stringMatching(/abc/) }],
    ["a refused connection is unreachable", Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } }), { kind: "unreachable", message: expect.stringMatching(/refused the connection/) }],
    ["a kind the cluster does not serve", new Error("Unrecognized API version and kind: install.tetrate.io/v1alpha1 IngressGateway"), { kind: "rejected", message: expect.stringMatching(/west does not serve IngressGateway/) }],
  ])("%s", (_name, err, expected) => {
    expect(classifyConsoleError("west", "IngressGateway bookinfo/x", err)).toMatchObject(expected);
  });
});
