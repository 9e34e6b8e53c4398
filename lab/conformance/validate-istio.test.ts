// The Istio and Tetrate kinds with their CRDs' structural schemas (422 Invalid as apiextensions words schema and
// CEL-rule failures) and istiod's validating webhook (400, no reason, `admission webhook "validation.istio.io"
// denied the request: configuration is invalid: …`), which runs after the schema and sees dry-runs too.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pick, startLab, type Lab } from "./harness";

const ISTIO = "/apis/networking.istio.io/v1/namespaces/default";
const se = (name: string, spec: unknown) => ({ apiVersion: "networking.istio.io/v1", kind: "ServiceEntry", metadata: { name }, ...(spec === undefined ? {} : { spec }) });
const istio = (kind: string, name: string, spec: unknown) => ({ apiVersion: "networking.istio.io/v1", kind, metadata: { name }, spec });
const DENIED = 'admission webhook "validation.istio.io" denied the request: configuration is invalid: ';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(async () => {
  await lab.close();
});

describe("ServiceEntry schema (422)", () => {
  const base = { hosts: ["api.example.com"] };
  it.each([
    ["no spec", undefined, "spec: Required value"],
    ["no hosts", {}, "spec.hosts: Required value"],
    ["hosts not a list", { hosts: "api.example.com" }, 'spec.hosts: Invalid value: "string": spec.hosts in body must be of type array: "string"'],
    ["a wildcard host", { hosts: ["*"] }, 'spec.hosts[0]: Invalid value: "string": hostname cannot be wildcard'],
    ["an unknown resolution", { ...base, resolution: "MAGIC" }, 'spec.resolution: Unsupported value: "MAGIC": supported values: "NONE", "STATIC", "DNS", "DNS_ROUND_ROBIN", "DYNAMIC_DNS"'],
    ["an unknown location", { ...base, location: "MESH_NEARBY" }, 'spec.location: Unsupported value: "MESH_NEARBY": supported values: "MESH_EXTERNAL", "MESH_INTERNAL"'],
    ["a port without a number", { ...base, ports: [{ name: "http", protocol: "HTTP" }] }, "spec.ports[0].number: Required value"],
    ["a port out of range", { ...base, ports: [{ name: "http", number: 99999 }] }, 'spec.ports[0].number: Invalid value: "integer": port must be between 1-65535'],
    ["two ports with one number", { ...base, ports: [{ name: "a", number: 1 }, { name: "b", number: 1 }] }, 'spec.ports: Invalid value: "array": port number cannot be duplicated'],
    ["endpoints and a workloadSelector", { ...base, resolution: "STATIC", workloadSelector: { labels: { app: "a" } }, endpoints: [{ address: "1.2.3.4" }] }, 'spec: Invalid value: "object": only one of WorkloadSelector or Endpoints can be set'],
    ["NONE with endpoints", { ...base, endpoints: [{ address: "1.2.3.4" }] }, 'spec: Invalid value: "object": NONE mode cannot set endpoints'],
    ["a wildcard selector value", { ...base, workloadSelector: { labels: { app: "*" } } }, 'spec.workloadSelector.labels.app: Invalid value: "string": wildcard is not supported in selector'],
  ])("%s", async (_name, spec, detail) => {
    const reply = await lab.call("POST", `${ISTIO}/serviceentries`, se("bad", spec));
    expect(reply.status).toBe(422);
    expect(reply.body).toMatchObject({ reason: "Invalid", details: { name: "bad", group: "networking.istio.io", kind: "ServiceEntry" } });
    expect(reply.body.message).toBe(`ServiceEntry.networking.istio.io "bad" is invalid: ${detail}`);
  });
});

describe("istiod's validating webhook (400)", () => {
  it.each([
    ["ServiceEntry", "a port name that is not a DNS label", se("w1", { hosts: ["a.example.com"], ports: [{ name: "Bad_Name", number: 80 }] }).spec, "invalid port name: Bad_Name"],
    ["ServiceEntry", "an unsupported protocol", { hosts: ["a.example.com"], ports: [{ name: "p", number: 80, protocol: "QUIC" }] }, "unsupported protocol: QUIC"],
    ["ServiceEntry", "an invalid host", { hosts: ["bad_host.example.com"] }, 'domain name "bad_host.example.com" invalid (label "bad_host" invalid)'],
    ["ServiceEntry", "a STATIC endpoint that is not an IP", { hosts: ["a.example.com"], resolution: "STATIC", ports: [{ name: "http", number: 80 }], endpoints: [{ address: "db.internal", ports: { http: 8080 } }] }, 'endpoint address "db.internal" is not a valid IP address'],
    ["Gateway", "no servers", { selector: { istio: "ingressgateway" } }, "gateway must have at least one server"],
    ["Gateway", "a TLS server without TLS settings", { servers: [{ port: { number: 443, name: "https", protocol: "HTTPS" }, hosts: ["*.example.com"] }] }, "server must have TLS settings for HTTPS/TLS protocols"],
    ["DestinationRule", "an ejection percentage over 100", { host: "a.example.com", trafficPolicy: { outlierDetection: { maxEjectionPercent: 150 } } }, "outlier detection maximum ejection percentage must be in range [0, 100]"],
    ["VirtualService", "no routes", { hosts: ["a.example.com"] }, "http, tcp or tls must be provided in virtual service"],
  ])("%s with %s", async (kind, _name, spec, detail) => {
    const plural = `${kind.toLowerCase()}s`.replace("serviceentrys", "serviceentries");
    const reply = await lab.call("POST", `${ISTIO}/${plural}`, istio(kind, "w", spec));
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message: `${DENIED}${detail}`, code: 400 });
    expect((await lab.call("GET", `${ISTIO}/${plural}/w`)).status).toBe(404);
  });

  it("several errors are listed as go-multierror lists them", async () => {
    const spec = { hosts: ["a.example.com"], resolution: "STATIC", ports: [{ name: "p", number: 80, protocol: "QUIC" }], endpoints: [{ address: "not-an-ip" }] };
    const reply = await lab.call("POST", `${ISTIO}/serviceentries`, se("multi", spec));
    expect(reply.status).toBe(400);
    expect(reply.body.message).toBe(`${DENIED}2 errors occurred:\n\t* unsupported protocol: QUIC\n\t* endpoint address "not-an-ip" is not a valid IP address\n\n`);
  });

  it("the schema answers first (422), the webhook only sees schema-valid objects", async () => {
    const reply = await lab.call("POST", `${ISTIO}/serviceentries`, se("order", { hosts: ["*"], ports: [{ name: "Bad_Name", number: 80 }] }));
    expect(reply.status).toBe(422);
  });

  it("a dry-run is refused alike", async () => {
    const reply = await lab.call("POST", `${ISTIO}/gateways?dryRun=All`, istio("Gateway", "dry", {}));
    expect(reply.status).toBe(400);
    expect(reply.body.message).toBe(`${DENIED}gateway must have at least one server`);
  });

  it("a STATIC entry with neither endpoints nor a workloadSelector is accepted, as istiod 1.2x accepts it", async () => {
    // ValidateServiceEntry's STATIC case only checks the endpoints it is given; the old "endpoints must be
    // provided if service entry discovery mode is static" check went when workloadSelector arrived.
    const reply = await lab.call("POST", `${ISTIO}/serviceentries`, se("static-empty", { hosts: ["a.example.com"], resolution: "STATIC", ports: [{ name: "http", number: 80 }] }));
    expect(reply.status).toBe(201);
  });
});

describe("what the console writes is accepted", () => {
  it("the planner's ServiceEntry, shadow WorkloadEntry, failover DestinationRule and passthrough Gateway", async () => {
    const ports = [{ number: 9080, name: "http", protocol: "HTTP" }];
    const endpoint = { address: "172.18.0.10", ports: { http: 15443 }, network: "east", locality: "us-east1/us-east1-b", labels: { "security.istio.io/tlsMode": "istio" } };
    const objects = [
      ["serviceentries", istio("ServiceEntry", "details", { hosts: ["details.bookinfo.svc.cluster.local"], location: "MESH_INTERNAL", resolution: "STATIC", exportTo: ["*"], ports, endpoints: [endpoint] })],
      ["workloadentries", istio("WorkloadEntry", "details-east", { ...endpoint, labels: { app: "details", "security.istio.io/tlsMode": "istio" } })],
      ["destinationrules", istio("DestinationRule", "details", { host: "details.bookinfo.svc.cluster.local", trafficPolicy: { loadBalancer: { localityLbSetting: { enabled: true, failoverPriority: ["topology.istio.io/network"] } }, outlierDetection: { consecutiveGatewayErrors: 10, interval: "10s", baseEjectionTime: "30s", maxEjectionPercent: 100 } } })],
      ["gateways", istio("Gateway", "eastwest-passthrough", { selector: { app: "eastwest-gateway" }, servers: [{ port: { number: 15443, name: "tls", protocol: "TLS" }, tls: { mode: "AUTO_PASSTHROUGH" }, hosts: ["details.bookinfo.svc.cluster.local"] }] })],
    ] as const;
    for (const [plural, object] of objects) {
      const reply = await lab.call("POST", `${ISTIO}/${plural}?fieldValidation=Strict`, object);
      expect(reply.status, `${plural}: ${reply.text}`).toBe(201);
      expect(reply.body.spec).toEqual(object.spec);
    }
  });
});

describe("pruning and server-side apply by the schema", () => {
  it("an unknown field is 400 under Strict, dropped with a warning under Warn, and never stored", async () => {
    const body = se("unknown", { hosts: ["a.example.com"], bogus: true });
    const strict = await lab.call("POST", `${ISTIO}/serviceentries?fieldValidation=Strict`, body);
    expect(strict.status).toBe(400);
    expect(strict.body.message).toBe('ServiceEntry in version "v1" cannot be handled as a ServiceEntry: strict decoding error: unknown field "spec.bogus"');
    const warn = await lab.call("POST", `${ISTIO}/serviceentries?fieldValidation=Warn`, body);
    expect(warn.status).toBe(201);
    expect(pick(warn.body, "spec.bogus")).toBeUndefined();
  });

  it("ports merge by name between two appliers (x-kubernetes-list-map-keys: [name])", async () => {
    const apply = (manager: string, port: Record<string, unknown>) =>
      lab.call("PATCH", `${ISTIO}/serviceentries/merged?fieldManager=${manager}`, JSON.stringify(se("merged", { hosts: ["m.example.com"], ports: [port] })), { "Content-Type": "application/apply-patch+yaml" });
    expect((await apply("one", { name: "http", number: 80 })).status).toBe(201);
    const second = await apply("two", { name: "grpc", number: 90 });
    expect(second.status).toBe(200);
    expect(pick(second.body, "spec.ports")).toEqual([{ name: "http", number: 80 }, { name: "grpc", number: 90 }]);
  });
});

describe("Tetrate kinds", () => {
  it.each([
    ["/apis/tsb.tetrate.io/v2/namespaces/default/workspaces", { apiVersion: "tsb.tetrate.io/v2", kind: "Workspace", metadata: { name: "ws" }, spec: {} }, 'Workspace.tsb.tetrate.io "ws" is invalid: spec.namespaceSelector: Required value'],
    ["/apis/settings.tetrate.io/v1alpha1/namespaces/default/workspacesettings", { apiVersion: "settings.tetrate.io/v1alpha1", kind: "WorkspaceSetting", metadata: { name: "s" }, spec: { defaultEastWestGatewaySettings: {} } }, 'WorkspaceSetting.settings.tetrate.io "s" is invalid: spec.workspace: Required value'],
    ["/apis/install.tetrate.io/v1alpha1/namespaces/default/ingressgateways", { apiVersion: "install.tetrate.io/v1alpha1", kind: "IngressGateway", metadata: { name: "g" }, spec: { eastWestOnly: "yes" } }, 'IngressGateway.install.tetrate.io "g" is invalid: spec.eastWestOnly: Invalid value: "string": spec.eastWestOnly in body must be of type boolean: "string"'],
  ])("%s refuses what its schema does not allow", async (path, body, message) => {
    const reply = await lab.call("POST", path, body);
    expect(reply.status).toBe(422);
    expect(reply.body.message).toBe(message);
  });
});
