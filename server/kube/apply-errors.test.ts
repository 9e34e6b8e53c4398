import { describe, expect, it } from "vitest";
import { classifyWriteError } from "./apply-errors";

const apiError = (code: number, status: object) => Object.assign(new Error(`HTTP-Code: ${code}`), { code, body: JSON.stringify(status) });

describe("classifyWriteError", () => {
  it.each([
    ["field manager conflict → conflict, not forced", apiError(409, { reason: "Conflict", details: { causes: [{ reason: "FieldManagerConflict", field: ".spec.hosts", message: 'conflict with "istioctl"' }] } }), "conflict", /another field manager owns \.spec\.hosts/],
    ["stale resourceVersion → re-observe", apiError(409, { reason: "Conflict", message: "the object has been modified" }), "stale-precondition", /changed since it was observed/],
    ["uid precondition failed → re-observe", apiError(409, { reason: "Conflict", message: "Precondition failed: UID in precondition" }), "stale-precondition", /re-read/],
    ["not found", apiError(404, { reason: "NotFound" }), "gone", /no longer exists/],
    ["invalid → rejected with the server's message", apiError(422, { reason: "Invalid", message: "spec.address: Required value" }), "rejected", /HTTP 422: spec.address: Required value/],
    ["unauthorized → unreachable", apiError(401, { reason: "Unauthorized" }), "unreachable", /rejected the kubeconfig credentials/],
    ["refused connection → unreachable", Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } }), "unreachable", /refused the connection/],
    ["body that is not JSON", Object.assign(new Error("x"), { code: 500, body: "<html>" }), "rejected", /HTTP 500\)/],
  ])("%s", (_name, err, kind, message) => {
    const failure = classifyWriteError("north", "ServiceEntry xcp-multicluster/a", err);
    expect(failure.kind).toBe(kind);
    expect(failure.message).toMatch(message);
  });
});
