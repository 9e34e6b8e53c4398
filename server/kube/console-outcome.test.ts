import { ApiException } from "@kubernetes/client-node";
import { describe, expect, it } from "vitest";
import { classifyKubeError, isNotServed, isObjectNotFound } from "./console-outcome";
import { KubeHttpError } from "./kube-http";
import { parseStatus } from "./kube-status";
import { registryFailure } from "./writer";

/** An error answer as kubeRequest throws it: the status and the parsed Status body. */
const answer = (code: number, body: unknown) => new KubeHttpError(code, parseStatus(JSON.stringify(body)));
const conflictBody = { kind: "Status", code: 409, reason: "Conflict", message: "Apply failed with 1 conflict", details: { causes: [{ reason: "FieldManagerConflict", field: ".spec.hosts", message: 'conflict with "istioctl"' }] } };
const refused = Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } });

describe("classifyKubeError (the one classification, for the console and the registry)", () => {
  it.each([
    ["an SSA conflict names the other manager", answer(409, conflictBody), { kind: "conflict", conflicts: [expect.objectContaining({ field: "spec.hosts", manager: "istioctl" })] }],
    ["the same conflict in client-node's ApiException (Status as JSON text)", new ApiException(409, "Conflict", JSON.stringify(conflictBody), {}), { kind: "conflict" }],
    ["a rejection keeps the cluster's message verbatim", answer(422, { kind: "Status", code: 422, message: 'IngressGateway.install.tetrate.io "x" is invalid: spec: Required value' }), { kind: "rejected", status: 422, message: 'IngressGateway.install.tetrate.io "x" is invalid: spec: Required value' }],
    ["a failed precondition is a 409 rejection with its message", answer(409, { kind: "Status", code: 409, message: "Precondition failed: UID in precondition: u1, UID in object meta: u2" }), { kind: "rejected", status: 409, message: expect.stringMatching(/^Precondition failed/) }],
    ["a missing object is a 404 rejection", answer(404, { kind: "Status", reason: "NotFound", message: 'ingressgateways.install.tetrate.io "x" not found', details: { name: "x", kind: "ingressgateways" } }), { kind: "rejected", status: 404 }],
    ["a kind the cluster does not serve (404 naming no object)", answer(404, { kind: "Status", reason: "NotFound", message: "the server could not find the requested resource" }), { kind: "rejected", message: expect.stringMatching(/west does not serve IngressGateway/) }],
    ["a body that is not a Status", new KubeHttpError(500, parseStatus("<html>")), { kind: "rejected", status: 500, message: "west rejected IngressGateway bookinfo/x (HTTP 500)." }],
    ["401 is unreachable in our own words", answer(401, { message: "token abc expired" }), { kind: "unreachable", message: expect.not.stringMatching(/abc/) }],
    ["a refused connection is unreachable", refused, { kind: "unreachable", message: expect.stringMatching(/refused the connection/) }],
  ])("%s", (_name, err, expected) => {
    expect(classifyKubeError("west", "IngressGateway bookinfo/x", err)).toMatchObject(expected);
  });

  it("tells a missing object from a kind that is not served", () => {
    const missing = answer(404, { reason: "NotFound", details: { name: "x", kind: "ingressgateways" } });
    const unserved = answer(404, { reason: "NotFound", message: "the server could not find the requested resource" });
    expect([isObjectNotFound(missing), isNotServed(missing)]).toEqual([true, false]);
    expect([isObjectNotFound(unserved), isNotServed(unserved)]).toEqual([false, true]);
  });
});

describe("registryFailure (what the registry does next)", () => {
  it.each([
    ["field manager conflict → conflict, not forced", answer(409, conflictBody), "conflict", /another field manager owns spec\.hosts \(istioctl\)/],
    ["stale resourceVersion → re-observe", answer(409, { reason: "Conflict", message: "the object has been modified" }), "stale-precondition", /changed since it was observed/],
    ["uid precondition failed → re-observe", answer(409, { reason: "Conflict", message: "Precondition failed: UID in precondition" }), "stale-precondition", /re-read/],
    ["not found", answer(404, { reason: "NotFound", details: { name: "a", kind: "serviceentries" } }), "gone", /no longer exists/],
    ["invalid → rejected with the server's message", answer(422, { reason: "Invalid", message: "spec.address: Required value" }), "rejected", /^spec.address: Required value$/],
    ["unauthorized → unreachable", answer(401, { reason: "Unauthorized" }), "unreachable", /rejected the kubeconfig credentials/],
    ["refused connection → unreachable", refused, "unreachable", /refused the connection/],
  ])("%s", (_name, err, kind, message) => {
    const failure = registryFailure("north", "ServiceEntry xcp-multicluster/a", classifyKubeError("north", "ServiceEntry xcp-multicluster/a", err));
    expect(failure.kind).toBe(kind);
    expect(failure.message).toMatch(message);
  });
});
