// P1-11 (PATCH content types) and P1-12 (server-side apply) against a real lab API server over raw HTTP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLab, type Lab, type Reply } from "./harness";

let lab: Lab;

beforeAll(async () => {
  lab = await startLab({ namespaces: ["ns"] });
});
afterAll(async () => {
  await lab.close();
});

function call(method: string, path: string, body?: unknown, contentType?: string): Promise<Reply> {
  return lab.call(method, path, body, contentType ? { "Content-Type": contentType } : {});
}

const SE = "/apis/networking.istio.io/v1/namespaces/ns/serviceentries";
const CM = "/api/v1/namespaces/ns/configmaps";
const DEPLOY = "/apis/apps/v1/namespaces/ns/deployments";
const MERGE = "application/merge-patch+json";
const JSON_PATCH = "application/json-patch+json";
const SMP = "application/strategic-merge-patch+json";
const APPLY = "application/apply-patch+yaml";

const se = (name: string, spec: Record<string, unknown>, labels?: Record<string, string>) => ({
  apiVersion: "networking.istio.io/v1", kind: "ServiceEntry", metadata: { name, namespace: "ns", ...(labels ? { labels } : {}) }, spec,
});

type Meta = { resourceVersion?: string; labels?: Record<string, string>; managedFields?: Array<Record<string, unknown>> };
const meta = (reply: Reply) => reply.body.metadata as Meta;
const spec = (reply: Reply) => reply.body.spec as Record<string, unknown>;

async function createSe(name: string, labels?: Record<string, string>): Promise<Reply> {
  const reply = await call("POST", `${SE}?fieldManager=creator`, se(name, { hosts: [`${name}.example`], resolution: "DNS" }, labels));
  expect(reply.status).toBe(201);
  return reply;
}

describe("P1-11 PATCH content types", () => {
  it("P1-11 merge-patch+json merges and null deletes", async () => {
    await createSe("merge", { app: "a", drop: "me" });
    const reply = await call("PATCH", `${SE}/merge`, { metadata: { labels: { drop: null } }, spec: { resolution: "STATIC" } }, MERGE);
    expect(reply.status).toBe(200);
    expect(reply.contentType).toContain("application/json");
    expect(meta(reply).labels).toEqual({ app: "a" });
    expect(spec(reply)).toEqual({ hosts: ["merge.example"], resolution: "STATIC" });
  });

  it("P1-11 json-patch+json applies operations in order", async () => {
    await createSe("jp");
    const ops = [{ op: "test", path: "/spec/resolution", value: "DNS" }, { op: "add", path: "/spec/hosts/-", value: "b.example" }];
    const reply = await call("PATCH", `${SE}/jp`, ops, JSON_PATCH);
    expect(reply.status).toBe(200);
    expect(spec(reply).hosts).toEqual(["jp.example", "b.example"]);
  });

  it.each([
    { name: "an object body → 400 BadRequest", body: { op: "add", path: "/spec/x", value: 1 }, status: 400, reason: "BadRequest" },
    { name: "a failed test op → 422 Invalid", body: [{ op: "test", path: "/spec/resolution", value: "NONE" }], status: 422, reason: "Invalid" },
    { name: "an out-of-range index → 422 Invalid", body: [{ op: "add", path: "/spec/hosts/7", value: "x" }], status: 422, reason: "Invalid" },
  ])("P1-11 json-patch+json: $name", async ({ body, status, reason }) => {
    await createSe("jperr");
    const reply = await call("PATCH", `${SE}/jperr`, body, JSON_PATCH);
    expect(reply.status).toBe(status);
    expect(reply.contentType).toContain("application/json");
    expect(reply.body).toMatchObject({ kind: "Status", apiVersion: "v1", status: "Failure", code: status, reason });
    await call("DELETE", `${SE}/jperr`);
  });

  it("P1-11 a failed test op leaves the object untouched", async () => {
    const before = await createSe("jpkeep");
    await call("PATCH", `${SE}/jpkeep`, [{ op: "replace", path: "/spec/resolution", value: "STATIC" }, { op: "test", path: "/spec/hosts/0", value: "nope" }], JSON_PATCH);
    const after = await call("GET", `${SE}/jpkeep`);
    expect(spec(after)).toEqual(spec(before));
    expect(meta(after).resourceVersion).toBe(meta(before).resourceVersion);
  });

  it("P1-11 strategic-merge-patch+json on a custom resource → 415", async () => {
    await createSe("smp");
    const reply = await call("PATCH", `${SE}/smp`, { spec: { resolution: "STATIC" } }, SMP);
    expect(reply.status).toBe(415);
    expect(reply.body).toMatchObject({
      reason: "UnsupportedMediaType", code: 415,
      message: "the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml",
    });
  });

  it("P1-11 strategic-merge-patch+json on a built-in merges containers by name", async () => {
    const deployment = {
      apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web", namespace: "ns" },
      spec: {
        replicas: 1, selector: { matchLabels: { app: "web" } },
        template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "app", image: "app:1" }, { name: "proxy", image: "proxy:1" }] } },
      },
    };
    expect((await call("POST", DEPLOY, deployment)).status).toBe(201);
    const reply = await call("PATCH", `${DEPLOY}/web`, { spec: { template: { spec: { containers: [{ name: "proxy", image: "proxy:2" }] } } } }, SMP);
    expect(reply.status).toBe(200);
    const containers = ((spec(reply).template as Record<string, Record<string, unknown>>).spec?.containers ?? []) as Array<{ name: string; image: string }>;
    expect(containers.map((c) => [c.name, c.image])).toEqual([["app", "app:1"], ["proxy", "proxy:2"]]);
  });

  it("P1-11 strategic-merge-patch+json on a ConfigMap: null deletes a key", async () => {
    expect((await call("POST", CM, { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "cfg", namespace: "ns" }, data: { a: "1", b: "2" } })).status).toBe(201);
    const reply = await call("PATCH", `${CM}/cfg`, { data: { a: null, c: "3" } }, SMP);
    expect(reply.status).toBe(200);
    expect(reply.body.data).toEqual({ b: "2", c: "3" });
  });

  it("P1-11 an unknown patch content type → 415", async () => {
    await createSe("ctype");
    const reply = await call("PATCH", `${SE}/ctype`, { spec: {} }, "application/json");
    expect(reply.status).toBe(415);
    expect(reply.body.reason).toBe("UnsupportedMediaType");
  });

  it("P1-11 apply-patch+yaml is accepted", async () => {
    const yaml = "apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: yaml1\n  namespace: ns\nspec:\n  hosts: [y.example]\n";
    const reply = await call("PATCH", `${SE}/yaml1?fieldManager=tester`, yaml, APPLY);
    expect(reply.status).toBe(201);
    expect(spec(reply)).toEqual({ hosts: ["y.example"] });
  });
});

/** Reads a streaming response until its first complete line (the stream itself bounds the wait: vitest's timeout). */
async function firstLineOf(res: Response): Promise<string> {
  const reader = res.body?.getReader();
  if (!reader) return "";
  const decoder = new TextDecoder();
  let text = "";
  while (!text.includes("\n")) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  await reader.cancel();
  return text.split("\n")[0] ?? "";
}

const applyYaml = (name: string, lines: string[]) =>
  ["apiVersion: networking.istio.io/v1", "kind: ServiceEntry", "metadata:", `  name: ${name}`, "  namespace: ns", ...lines].join("\n") + "\n";

async function apply(name: string, lines: string[], manager: string, force?: boolean): Promise<Reply> {
  const query = `fieldManager=${manager}${force === undefined ? "" : `&force=${force}`}`;
  return call("PATCH", `${SE}/${name}?${query}`, applyYaml(name, lines), APPLY);
}

describe("P1-12 server-side apply", () => {
  it("P1-12 missing fieldManager → 422 with upstream's message", async () => {
    const reply = await call("PATCH", `${SE}/nofm`, applyYaml("nofm", ["spec:", "  hosts: [a]"]), APPLY);
    expect(reply.status).toBe(422);
    expect(reply.body).toMatchObject({
      reason: "Invalid",
      message: 'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch',
      details: { group: "meta.k8s.io", kind: "PatchOptions", causes: [{ reason: "FieldValueRequired", field: "fieldManager" }] },
    });
  });

  it("P1-12 force on a non-apply patch → 422", async () => {
    await createSe("forcemerge");
    const reply = await call("PATCH", `${SE}/forcemerge?force=true`, { spec: { resolution: "STATIC" } }, MERGE);
    expect(reply.status).toBe(422);
    expect(reply.body.message).toBe('PatchOptions.meta.k8s.io "" is invalid: force: Forbidden: may not be specified for non-apply patch');
  });

  it("P1-12 applying to a missing object creates it (201) with well-formed managedFields", async () => {
    const reply = await apply("created", ["  labels: {app: c}", "spec:", "  hosts: [c.example]", "  ports:", "  - {name: http, number: 80, protocol: HTTP}"], "applier");
    expect(reply.status).toBe(201);
    const entries = meta(reply).managedFields ?? [];
    expect(entries).toHaveLength(1);
    expect(entries[0]).toEqual({
      manager: "applier", operation: "Apply", apiVersion: "networking.istio.io/v1", time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      fieldsType: "FieldsV1",
      fieldsV1: {
        "f:metadata": { "f:labels": { "f:app": {} } },
        "f:spec": { "f:hosts": {}, "f:ports": { 'k:{"name":"http"}': { ".": {}, "f:name": {}, "f:number": {}, "f:protocol": {} } } },
      },
    });
  });

  it("P1-12 a POST records an Update entry for its field manager", async () => {
    const reply = await createSe("updater", { app: "u" });
    expect(meta(reply).managedFields).toEqual([expect.objectContaining({
      manager: "creator", operation: "Update", apiVersion: "networking.istio.io/v1", fieldsType: "FieldsV1",
      fieldsV1: { "f:metadata": { "f:labels": { ".": {}, "f:app": {} } }, "f:spec": { ".": {}, "f:hosts": {}, "f:resolution": {} } },
    })]);
  });

  it("P1-12 re-applying identical config is a true no-op: same resourceVersion, no watch event", async () => {
    const lines = ["spec:", "  hosts: [n.example]", "  resolution: DNS"];
    const first = await apply("noop", lines, "applier");
    const rv = meta(first).resourceVersion ?? "";
    const again = await apply("noop", lines, "applier");
    expect(again.status).toBe(200);
    expect(meta(again).resourceVersion).toBe(rv);
    expect(meta(again).managedFields).toEqual(meta(first).managedFields);
    // The next event after rv must be the later, real change — nothing from the repeated apply.
    await apply("noop", ["spec:", "  hosts: [n2.example]", "  resolution: DNS"], "applier");
    const watch = await fetch(`${lab.url}${SE}?watch=true&resourceVersion=${rv}&fieldSelector=metadata.name%3Dnoop`);
    const firstLine = await firstLineOf(watch);
    const event = JSON.parse(firstLine) as { type: string; object: { spec: { hosts: string[] } } };
    expect(event.type).toBe("MODIFIED");
    expect(event.object.spec.hosts).toEqual(["n2.example"]);
  });

  it("P1-12 fields the manager stopped applying are removed unless another manager owns them", async () => {
    await apply("prune", ["  labels: {a: '1', b: '2'}", "spec:", "  hosts: [p.example]", "  resolution: DNS", "  location: MESH_INTERNAL"], "applier");
    await apply("prune", ["spec:", "  location: MESH_INTERNAL"], "co-owner");
    const reply = await apply("prune", ["  labels: {a: '1'}", "spec:", "  hosts: [p.example]"], "applier");
    expect(reply.status).toBe(200);
    expect(meta(reply).labels).toEqual({ a: "1" });
    expect(spec(reply)).toEqual({ hosts: ["p.example"], location: "MESH_INTERNAL" });
  });

  it("P1-12 a different value for another manager's field → 409 FieldManagerConflict with the path", async () => {
    await createSe("conflict");
    const reply = await apply("conflict", ["spec:", "  resolution: STATIC"], "applier");
    expect(reply.status).toBe(409);
    expect(reply.body).toMatchObject({
      kind: "Status", status: "Failure", code: 409, reason: "Conflict",
      message: 'Apply failed with 1 conflict: conflict with "creator" using networking.istio.io/v1: .spec.resolution',
      details: { causes: [{ reason: "FieldManagerConflict", message: 'conflict with "creator" using networking.istio.io/v1', field: ".spec.resolution" }] },
    });
  });

  it("P1-12 force=true takes ownership", async () => {
    await createSe("forced");
    const reply = await apply("forced", ["spec:", "  resolution: STATIC"], "applier", true);
    expect(reply.status).toBe(200);
    expect(spec(reply).resolution).toBe("STATIC");
    const entries = meta(reply).managedFields ?? [];
    const creator = entries.find((e) => e.manager === "creator");
    expect(creator?.fieldsV1).toEqual({ "f:spec": { ".": {}, "f:hosts": {} } });
    expect(entries.find((e) => e.manager === "applier")?.fieldsV1).toEqual({ "f:spec": { "f:resolution": {} } });
  });

  it("P1-12 ServiceEntry spec.ports is a map keyed by name; hosts is atomic", async () => {
    await apply("ports", ["spec:", "  hosts: [a.example]", "  ports:", "  - {name: http, number: 80, protocol: HTTP}"], "one");
    const both = await apply("ports", ["spec:", "  ports:", "  - {name: tls, number: 443, protocol: TLS}"], "two");
    expect(spec(both).ports).toEqual([{ name: "http", number: 80, protocol: "HTTP" }, { name: "tls", number: 443, protocol: "TLS" }]);
    const conflict = await apply("ports", ["spec:", "  hosts: [b.example]"], "two");
    expect(conflict.status).toBe(409);
    expect((conflict.body.details as { causes: Array<{ field: string }> }).causes.map((c) => c.field)).toEqual([".spec.hosts"]);
  });

  it("P1-12 apply to /status changes only status and records subresource status", async () => {
    await apply("stat", ["spec:", "  hosts: [s.example]"], "applier");
    const path = `${SE}/stat/status?fieldManager=ctrl`;
    const reply = await call("PATCH", path, applyYaml("stat", ["spec:", "  hosts: [ignored]", "status:", "  phase: Ready"]), APPLY);
    expect(reply.status).toBe(200);
    expect(spec(reply)).toEqual({ hosts: ["s.example"] });
    expect(reply.body.status).toEqual({ phase: "Ready" });
    expect(meta(reply).managedFields).toContainEqual(expect.objectContaining({ manager: "ctrl", operation: "Apply", subresource: "status", fieldsV1: { "f:status": { "f:phase": {} } } }));
  });
});
