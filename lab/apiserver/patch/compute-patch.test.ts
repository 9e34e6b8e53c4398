import { describe, expect, it } from "vitest";
import type { KubeObject, Status } from "../types";
import { computePatch, type PatchRequest } from "./compute-patch";
import { deploymentType, serviceEntryType, statusOf, storedServiceEntry, T0, T1 } from "./test-fixtures";

const live = storedServiceEntry({ hosts: ["a"], resolution: "DNS" }, {
  managedFields: [{ manager: "creator", operation: "Update", apiVersion: "networking.istio.io/v1", time: T0, fieldsType: "FieldsV1", fieldsV1: { "f:spec": { ".": {}, "f:hosts": {}, "f:resolution": {} } } }],
});
const withStatus: KubeObject = { ...live, status: { phase: "Old" } };

function patch(req: Partial<PatchRequest> & Pick<PatchRequest, "body" | "contentType">): KubeObject {
  return computePatch({ type: serviceEntryType, existing: withStatus, fieldManager: "editor", now: T1, ...req });
}

describe("computePatch content types", () => {
  it.each([
    { contentType: "application/merge-patch+json", body: JSON.stringify({ spec: { resolution: "STATIC" } }) },
    { contentType: "application/merge-patch+json; charset=utf-8", body: JSON.stringify({ spec: { resolution: "STATIC" } }) },
    { contentType: "application/json-patch+json", body: JSON.stringify([{ op: "replace", path: "/spec/resolution", value: "STATIC" }]) },
  ])("$contentType patches the object and records the writer", ({ contentType, body }) => {
    const result = patch({ contentType, body });
    expect(result.spec).toEqual({ hosts: ["a"], resolution: "STATIC" });
    expect(result.metadata.managedFields?.map((e) => [e.manager, e.time])).toEqual([["creator", T0], ["editor", T1]]);
  });

  it.each([
    { type: serviceEntryType, contentType: "application/strategic-merge-patch+json", accepted: "application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml" },
    { type: serviceEntryType, contentType: "application/json", accepted: "application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml" },
    { type: deploymentType, contentType: "text/plain", accepted: "application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json, application/apply-patch+yaml" },
  ])("$contentType on $type.kind → 415", ({ type, contentType, accepted }) => {
    const status = statusOf(() => computePatch({ type, existing: withStatus, body: "{}", contentType, now: T1 }));
    expect(status).toMatchObject({
      code: 415, reason: "UnsupportedMediaType",
      message: `the body of the request was in an unknown format - accepted media types include: ${accepted}`,
    });
  });

  it("strategic merge is accepted on built-ins", () => {
    const deployment: KubeObject = {
      apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "d", namespace: "ns", resourceVersion: "5" },
      spec: { template: { spec: { containers: [{ name: "a", image: "a:1" }, { name: "b", image: "b:1" }] } } },
    };
    const body = JSON.stringify({ spec: { template: { spec: { containers: [{ name: "b", image: "b:2" }] } } } });
    const result = computePatch({ type: deploymentType, existing: deployment, body, contentType: "application/strategic-merge-patch+json", fieldManager: "kubectl", now: T1 });
    expect(result.spec).toEqual({ template: { spec: { containers: [{ name: "a", image: "a:1" }, { name: "b", image: "b:2" }] } } });
    expect(result.metadata.managedFields?.[0]?.fieldsV1).toEqual({
      "f:spec": { "f:template": { "f:spec": { "f:containers": { 'k:{"name":"b"}': { "f:image": {} } } } } },
    });
  });
});

describe("computePatch errors", () => {
  const cases: Array<{ name: string; req: Partial<PatchRequest> & Pick<PatchRequest, "body" | "contentType">; status: Partial<Status> }> = [
    {
      name: "force on a non-apply patch → 422",
      req: { contentType: "application/merge-patch+json", body: "{}", force: true },
      status: { code: 422, reason: "Invalid", message: 'PatchOptions.meta.k8s.io "" is invalid: force: Forbidden: may not be specified for non-apply patch' },
    },
    {
      name: "force=false counts as specified too",
      req: { contentType: "application/json-patch+json", body: "[]", force: false },
      status: { code: 422, reason: "Invalid" },
    },
    {
      name: "a JSON patch body that is an object → 400",
      req: { contentType: "application/json-patch+json", body: JSON.stringify({ op: "add" }) },
      status: { code: 400, reason: "BadRequest" },
    },
    {
      name: "a failed test op → 422",
      req: { contentType: "application/json-patch+json", body: JSON.stringify([{ op: "test", path: "/spec/resolution", value: "NONE" }]) },
      status: { code: 422, reason: "Invalid", message: "the server rejected our request due to an error in our request" },
    },
    {
      name: "a merge patch that is not an object → 400",
      req: { contentType: "application/merge-patch+json", body: "[1]" },
      status: { code: 400, reason: "BadRequest" },
    },
    {
      name: "renaming through a patch → 400",
      req: { contentType: "application/merge-patch+json", body: JSON.stringify({ metadata: { name: "other" } }) },
      status: { code: 400, message: "the name of the object (other) does not match the name on the URL (se1)" },
    },
    {
      name: "a stale resourceVersion in the patch → 409",
      req: { contentType: "application/merge-patch+json", body: JSON.stringify({ metadata: { resourceVersion: "2" } }) },
      status: { code: 409, reason: "Conflict" },
    },
    {
      name: "a non-apply patch of a missing object → 404",
      req: { contentType: "application/merge-patch+json", body: JSON.stringify({ metadata: { name: "se1" } }), existing: undefined },
      status: { code: 404, reason: "NotFound", message: 'serviceentries.networking.istio.io "se1" not found' },
    },
  ];
  it.each(cases)("$name", ({ req, status }) => {
    expect(statusOf(() => patch(req))).toMatchObject(status);
  });

  it("force=false details name the field", () => {
    const status = statusOf(() => patch({ contentType: "application/merge-patch+json", body: "{}", force: false }));
    expect(status.details).toEqual({ group: "meta.k8s.io", kind: "PatchOptions", causes: [{ reason: "FieldValueForbidden", message: "Forbidden: may not be specified for non-apply patch", field: "force" }] });
  });
});

describe("computePatch and the status subresource", () => {
  it("a status patch changes only .status and is tracked with subresource status", () => {
    const body = JSON.stringify({ spec: { resolution: "NONE" }, metadata: { labels: { x: "y" } }, status: { phase: "New" } });
    const result = patch({ contentType: "application/merge-patch+json", body, subresource: "status" });
    expect(result.spec).toEqual(live.spec);
    expect(result.metadata.labels).toBeUndefined();
    expect(result.status).toEqual({ phase: "New" });
    expect(result.metadata.managedFields?.find((e) => e.manager === "editor")).toMatchObject({ subresource: "status", fieldsV1: { "f:status": { "f:phase": {} } } });
  });

  it("a main-resource patch keeps the live status", () => {
    const result = patch({ contentType: "application/merge-patch+json", body: JSON.stringify({ status: { phase: "New" } }) });
    expect(result).toEqual(withStatus);
  });

  it("an identical merge patch changes nothing, managedFields included", () => {
    const result = patch({ contentType: "application/merge-patch+json", body: JSON.stringify({ spec: { hosts: ["a"] } }) });
    expect(result).toEqual(withStatus);
  });
});
