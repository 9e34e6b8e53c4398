// Field validation (fieldValidation=Strict|Warn|Ignore; Warn when absent) as test/integration/apiserver/
// field_validation_test.go pins it: duplicate keys in JSON and YAML bodies for every kind, unknown fields for kinds
// with a structural schema; Strict refuses with 400 and the decoder's words, Warn answers one Warning header per
// finding, Ignore says nothing; the last duplicate wins and unknown fields are never stored.
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pick, startLab, type Lab } from "./harness";

const DEPLOYMENTS = "/apis/apps/v1/namespaces/default/deployments";
const SERVICE_ENTRIES = "/apis/networking.istio.io/v1/namespaces/default/serviceentries";

// Duplicates that JSON.stringify cannot write: metadata.name, spec.paused and a container's imagePullPolicy.
const deploymentJson = (name: string) => `{
  "apiVersion": "apps/v1", "kind": "Deployment",
  "metadata": { "name": "first", "name": "${name}" },
  "spec": {
    "paused": true, "paused": false,
    "selector": { "matchLabels": { "app": "dup" } },
    "template": { "metadata": { "labels": { "app": "dup" } },
      "spec": { "containers": [{ "name": "c", "image": "nginx:1.27", "imagePullPolicy": "Always", "imagePullPolicy": "Never" }] } }
  }
}`;

const DEPLOYMENT_DUPLICATES = ['duplicate field "metadata.name"', 'duplicate field "spec.paused"', 'duplicate field "spec.template.spec.containers[0].imagePullPolicy"'];

const seJson = (name: string) => `{"apiVersion":"networking.istio.io/v1","kind":"ServiceEntry","metadata":{"name":"${name}"},
  "spec":{"hosts":["a.example.com"],"unknown1":"x","location":"MESH_EXTERNAL","location":"MESH_INTERNAL"}}`;

const seYaml = (name: string) => `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: ${name}
  name: ${name}
spec:
  zeta: 1
  hosts: [a.example.com]
  alpha: 2
`;

/** A raw POST that keeps every Warning header line (fetch joins them). */
function post(lab: Lab, path: string, body: string, contentType = "application/json"): Promise<{ status: number; warnings: string[]; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(lab.url + path, { method: "POST", headers: { "Content-Type": contentType } }, (res) => {
      let text = "";
      res.on("data", (c: Buffer) => (text += c.toString()));
      res.on("end", () => {
        try {
          const warnings = (res.headersDistinct.warning ?? []).map((w) => JSON.parse(w.replace(/^299 - /, "")) as string);
          resolve({ status: res.statusCode ?? 0, warnings, body: JSON.parse(text) as Record<string, unknown> });
        } catch (err) {
          reject(err instanceof Error ? err : new Error(String(err)));
        }
      });
    });
    req.on("error", reject);
    req.end(body);
  });
}

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(async () => {
  await lab.close();
});

describe("duplicate fields in a built-in kind (JSON)", () => {
  it("Strict refuses with 400 and every duplicate by its path, in document order", async () => {
    const reply = await post(lab, `${DEPLOYMENTS}?fieldValidation=Strict`, deploymentJson("strict"));
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ reason: "BadRequest", message: `Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: ${DEPLOYMENT_DUPLICATES.join(", ")}` });
    expect((await lab.call("GET", `${DEPLOYMENTS}/strict`)).status).toBe(404);
  });

  it.each([["Warn", "?fieldValidation=Warn"], ["no directive (the server's default, Warn)", ""]])("%s stores the last value and warns once per duplicate", async (_name, query) => {
    const name = query ? "warn" : "default";
    const reply = await post(lab, `${DEPLOYMENTS}${query}`, deploymentJson(name));
    expect(reply.status).toBe(201);
    expect(reply.warnings).toEqual(DEPLOYMENT_DUPLICATES);
    expect(pick(reply.body, "spec.paused")).toBe(false);
    expect(pick(reply.body, "metadata.name")).toBe(name);
  });

  it("Ignore stores it silently", async () => {
    const reply = await post(lab, `${DEPLOYMENTS}?fieldValidation=Ignore`, deploymentJson("ignore"));
    expect(reply.status).toBe(201);
    expect(reply.warnings).toEqual([]);
  });
});

// test/integration/apiserver/field_validation_test.go's invalidBodyJSON: unknown and duplicate fields together.
const UPSTREAM_BODY = (name: string) => `{
  "apiVersion": "apps/v1", "kind": "Deployment",
  "metadata": { "name": "dupname", "name": "${name}", "labels": {"app": "nginx"}, "unknownMeta": "metaVal" },
  "spec": {
    "unknown1": "val1", "unknownDupe": "valDupe", "unknownDupe": "valDupe2", "paused": true, "paused": false,
    "selector": {"matchLabels": {"app": "nginx"}},
    "template": { "metadata": {"labels": {"app": "nginx"}},
      "spec": { "containers": [{ "name": "nginx", "image": "nginx:latest", "unknownNested": "val1",
        "imagePullPolicy": "Always", "imagePullPolicy": "Never", "ports": [{"containerPort": 80, "protocol": "TCP"}] }] } }
  }
}`;
const UPSTREAM_FINDINGS = [
  'duplicate field "metadata.name"', 'unknown field "metadata.unknownMeta"', 'unknown field "spec.unknown1"', 'unknown field "spec.unknownDupe"',
  'duplicate field "spec.paused"', 'unknown field "spec.template.spec.containers[0].unknownNested"', 'duplicate field "spec.template.spec.containers[0].imagePullPolicy"',
];

describe("unknown and duplicate fields in a built-in kind (upstream's own case)", () => {
  it("Strict: one typed decode reports both in document order, a duplicated unknown field only as unknown", async () => {
    const reply = await post(lab, `${DEPLOYMENTS}?fieldValidation=Strict`, UPSTREAM_BODY("upstream-strict"));
    expect(reply.status).toBe(400);
    expect(reply.body.message).toBe(`Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: ${UPSTREAM_FINDINGS.join(", ")}`);
  });

  it("Warn: the same findings as warnings, and the unknown fields are not stored", async () => {
    const reply = await post(lab, `${DEPLOYMENTS}?fieldValidation=Warn`, UPSTREAM_BODY("upstream-warn"));
    expect(reply.status).toBe(201);
    expect(reply.warnings).toEqual(UPSTREAM_FINDINGS);
    const stored = (await lab.call("GET", `${DEPLOYMENTS}/upstream-warn`)).body;
    expect(pick(stored, "metadata.unknownMeta")).toBeUndefined();
    expect(pick(stored, "spec.unknown1")).toBeUndefined();
    expect(pick(stored, "spec.template.spec.containers")).toEqual([expect.not.objectContaining({ unknownNested: expect.anything() })]);
    expect(pick(stored, "spec.template.spec.containers")).toEqual([expect.objectContaining({ imagePullPolicy: "Never" })]);
  });

  it("Ignore drops the unknown fields silently", async () => {
    const reply = await post(lab, `${DEPLOYMENTS}?fieldValidation=Ignore`, UPSTREAM_BODY("upstream-ignore"));
    expect(reply.status).toBe(201);
    expect(reply.warnings).toEqual([]);
    expect(pick(reply.body, "spec.unknown1")).toBeUndefined();
  });
});

describe("duplicate and unknown fields in a kind with a structural schema", () => {
  it("Strict lists duplicates, then unknown fields", async () => {
    const reply = await post(lab, `${SERVICE_ENTRIES}?fieldValidation=Strict`, seJson("strict"));
    expect(reply.status).toBe(400);
    expect(reply.body.message).toBe('ServiceEntry in version "v1" cannot be handled as a ServiceEntry: strict decoding error: duplicate field "spec.location", unknown field "spec.unknown1"');
  });

  it("Warn prunes the unknown field and keeps the last duplicate", async () => {
    const reply = await post(lab, `${SERVICE_ENTRIES}?fieldValidation=Warn`, seJson("warn"));
    expect(reply.status).toBe(201);
    expect(reply.warnings).toEqual(['duplicate field "spec.location"', 'unknown field "spec.unknown1"']);
    expect(reply.body.spec).toEqual({ hosts: ["a.example.com"], location: "MESH_INTERNAL" });
    expect((await lab.call("GET", `${SERVICE_ENTRIES}/warn`)).body.spec).toEqual({ hosts: ["a.example.com"], location: "MESH_INTERNAL" });
  });

  it("YAML: go-yaml's duplicate-key lines in one block, then the unknown fields sorted", async () => {
    const reply = await post(lab, `${SERVICE_ENTRIES}?fieldValidation=Strict`, seYaml("yaml"), "application/yaml");
    expect(reply.status).toBe(400);
    expect(reply.body.message).toBe('ServiceEntry in version "v1" cannot be handled as a ServiceEntry: strict decoding error: yaml: unmarshal errors:\n  line 5: key "name" already set in map, unknown field "spec.alpha", unknown field "spec.zeta"');
    const warned = await post(lab, `${SERVICE_ENTRIES}?fieldValidation=Warn`, seYaml("yaml"), "application/yaml");
    expect(warned.status).toBe(201);
    expect(warned.warnings).toEqual(['line 5: key "name" already set in map', 'unknown field "spec.alpha"', 'unknown field "spec.zeta"']);
  });
});
