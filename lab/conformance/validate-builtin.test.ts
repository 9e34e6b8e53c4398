// Built-in validation as the registry strategies do it (pkg/apis/{apps,core}/validation, apimachinery's
// ObjectMeta rules): 422 Invalid with upstream's field paths, bad values printed as Go prints them, and the
// details a client reads (name, group, kind, causes); decode errors 400; etcd's size limit 500.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pick, startLab, type Lab } from "./harness";

const DEPLOYMENTS = "/apis/apps/v1/namespaces/default/deployments";
const PODS = "/api/v1/namespaces/default/pods";
const SERVICES = "/api/v1/namespaces/default/services";
const CONFIGMAPS = "/api/v1/namespaces/default/configmaps";
const LEASES = "/apis/coordination.k8s.io/v1/namespaces/default/leases";

const deployment = (name: string, spec: Record<string, unknown> = {}) => ({
  apiVersion: "apps/v1", kind: "Deployment", metadata: { name },
  spec: { selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: "c", image: "nginx:1.27" }] } }, ...spec },
});
const service = (name: string, ports: unknown[] = [{ port: 80 }]) => ({ apiVersion: "v1", kind: "Service", metadata: { name }, spec: { ports } });

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(async () => {
  await lab.close();
});

async function expectInvalid(path: string, body: unknown, message: string, method = "POST"): Promise<void> {
  const reply = await lab.call(method, path, body);
  expect(reply.status).toBe(422);
  expect(reply.body).toMatchObject({ kind: "Status", status: "Failure", reason: "Invalid", code: 422 });
  expect(reply.body.message).toBe(message);
}

describe("Deployment", () => {
  it("replicas below 0 is 422 with ValidateNonnegativeField's words", async () => {
    const reply = await lab.call("POST", DEPLOYMENTS, deployment("neg", { replicas: -1 }));
    expect(reply.status).toBe(422);
    expect(reply.body.message).toBe('Deployment.apps "neg" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0');
    expect(reply.body.details).toEqual({
      name: "neg", group: "apps", kind: "Deployment",
      causes: [{ reason: "FieldValueInvalid", message: "Invalid value: -1: must be greater than or equal to 0", field: "spec.replicas" }],
    });
  });

  it("a selector that does not match the template's labels is 422", async () => {
    const body = deployment("mismatch");
    body.spec.template.metadata.labels = { app: "other" };
    await expectInvalid(DEPLOYMENTS, body, 'Deployment.apps "mismatch" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: `selector` does not match template `labels`');
  });

  it("a missing selector and an empty pod spec are listed together", async () => {
    const body = { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "bare" }, spec: { template: { spec: {} } } };
    await expectInvalid(DEPLOYMENTS, body, 'Deployment.apps "bare" is invalid: [spec.selector: Required value, spec.template.spec.containers: Required value]');
  });

  it("the selector is immutable in apps/v1", async () => {
    expect((await lab.call("POST", DEPLOYMENTS, deployment("fixed"))).status).toBe(201);
    const current = (await lab.call("GET", `${DEPLOYMENTS}/fixed`)).body;
    const spec = current.spec as { selector: { matchLabels: Record<string, string> }; template: { metadata: { labels: Record<string, string> } } };
    spec.selector.matchLabels = { app: "moved" };
    spec.template.metadata.labels = { app: "moved" };
    await expectInvalid(`${DEPLOYMENTS}/fixed`, current, 'Deployment.apps "fixed" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"moved"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable', "PUT");
  });

  it("a template restartPolicy other than Always is not supported", async () => {
    const body = deployment("never");
    (body.spec.template.spec as Record<string, unknown>).restartPolicy = "Never";
    await expectInvalid(DEPLOYMENTS, body, 'Deployment.apps "never" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"');
  });
});

describe("Pod", () => {
  it("needs at least one container", async () => {
    await expectInvalid(PODS, { apiVersion: "v1", kind: "Pod", metadata: { name: "empty" }, spec: { containers: [] } }, 'Pod "empty" is invalid: spec.containers: Required value');
  });

  it("container names, images and ports are checked", async () => {
    const pod = { apiVersion: "v1", kind: "Pod", metadata: { name: "bad" }, spec: { containers: [{ name: "Web", ports: [{ containerPort: 0 }] }] } };
    await expectInvalid(PODS, pod, 'Pod "bad" is invalid: [spec.containers[0].name: Invalid value: "Web": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\', and must start and end with an alphanumeric character (e.g. \'my-name\',  or \'123-abc\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?\'), spec.containers[0].image: Required value, spec.containers[0].ports[0].containerPort: Invalid value: 0: must be between 1 and 65535, inclusive]');
  });
});

describe("Service", () => {
  it("ports out of range are 422", async () => {
    // targetPort defaults to port (SetDefaults_Service), so it is out of range too.
    await expectInvalid(SERVICES, service("big", [{ port: 70000 }]), 'Service "big" is invalid: [spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive, spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive]');
    await expectInvalid(SERVICES, service("target", [{ port: 80, targetPort: 65536 }]), 'Service "target" is invalid: spec.ports[0].targetPort: Invalid value: 65536: must be between 1 and 65535, inclusive');
  });

  it("a NodePort outside the node port range is refused as the allocator refuses it", async () => {
    const body = { apiVersion: "v1", kind: "Service", metadata: { name: "np" }, spec: { type: "NodePort", ports: [{ port: 80, nodePort: 8080 }] } };
    await expectInvalid(SERVICES, body, 'Service "np" is invalid: spec.ports[0].nodePort: Invalid value: 8080: provided port is not in the valid range. The range of valid ports is 30000-32767');
  });

  it("a ClusterIP Service needs ports, and several ports need names", async () => {
    await expectInvalid(SERVICES, service("none", []), 'Service "none" is invalid: spec.ports: Required value');
    await expectInvalid(SERVICES, service("two", [{ port: 80 }, { port: 81 }]), 'Service "two" is invalid: [spec.ports[0].name: Required value, spec.ports[1].name: Required value]');
  });

  it("clusterIP may not change once set (an old client's singular change is the plural's)", async () => {
    const created = await lab.call("POST", SERVICES, service("fixed-ip"));
    expect(created.status).toBe(201);
    const ip = String(pick(created.body, "spec.clusterIP"));
    const body = { ...created.body, spec: { ...(created.body.spec as object), clusterIP: "10.96.250.250" } };
    await expectInvalid(`${SERVICES}/fixed-ip`, body, 'Service "fixed-ip" is invalid: spec.clusterIPs[0]: Invalid value: []string{"10.96.250.250"}: may not change once set', "PUT");
    expect(pick((await lab.call("GET", `${SERVICES}/fixed-ip`)).body, "spec.clusterIP")).toBe(ip);
  });
});

describe("labels and annotations", () => {
  const cm = (metadata: Record<string, unknown>) => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "meta", ...metadata } });
  const NAME_PART = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

  it.each([
    ["a label key with a space", { labels: { "bad key": "v" } }, `metadata.labels: Invalid value: "bad key": ${NAME_PART}`],
    ["a label value with a slash", { labels: { app: "a/b" } }, `metadata.labels: Invalid value: "a/b": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`],
    ["a label value over 63 characters", { labels: { app: "x".repeat(64) } }, `metadata.labels: Invalid value: "${"x".repeat(64)}": must be no more than 63 characters`],
    ["an annotation key with an empty prefix", { annotations: { "/x": "v" } }, 'metadata.annotations: Invalid value: "/x": prefix part must be non-empty'],
    ["annotations over 256 KiB", { annotations: { big: "x".repeat(262_142) } }, "metadata.annotations: Too long: may not be more than 262144 bytes"],
  ])("%s is 422", async (_name, metadata, detail) => {
    await expectInvalid(CONFIGMAPS, cm(metadata), `ConfigMap "meta" is invalid: ${detail}`);
  });

  it("custom resources are held to the same ObjectMeta rules", async () => {
    const se = { apiVersion: "networking.istio.io/v1", kind: "ServiceEntry", metadata: { name: "se", labels: { "bad key": "v" } }, spec: { hosts: ["a.example.com"] } };
    await expectInvalid("/apis/networking.istio.io/v1/namespaces/default/serviceentries", se, `ServiceEntry.networking.istio.io "se" is invalid: metadata.labels: Invalid value: "bad key": ${NAME_PART}`);
  });
});

describe("ConfigMap and Secret keys", () => {
  it("a data key outside the config key syntax is 422, and a key in both bags", async () => {
    const body = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "keys" }, data: { "bad key": "v", dup: "a" }, binaryData: { dup: "YQ==" } };
    await expectInvalid(CONFIGMAPS, body, `ConfigMap "keys" is invalid: [data[bad key]: Invalid value: "bad key": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+'), data[dup]: Invalid value: "dup": duplicate of key present in binaryData]`);
  });

  it("a Secret key may not start with '..' (stringData is checked as part of data, as the v1 conversion merges it)", async () => {
    const body = { apiVersion: "v1", kind: "Secret", metadata: { name: "dots" }, stringData: { "..x": "v" } };
    await expectInvalid("/api/v1/namespaces/default/secrets", body, `Secret "dots" is invalid: data[..x]: Invalid value: "..x": must not start with '..'`);
  });
});

describe("decoding into the kind's Go types (400)", () => {
  it("metadata.name must be a string", async () => {
    const reply = await lab.call("POST", CONFIGMAPS, { apiVersion: "v1", kind: "ConfigMap", metadata: { name: 5 } });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ reason: "BadRequest", message: 'ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.name of type string' });
  });

  it.each([
    ["leaseDurationSeconds a string", { leaseDurationSeconds: "15" }, "json: cannot unmarshal string into Go struct field LeaseSpec.spec.leaseDurationSeconds of type int32"],
    ["leaseDurationSeconds a fraction", { leaseDurationSeconds: 1.5 }, "json: cannot unmarshal number 1.5 into Go struct field LeaseSpec.spec.leaseDurationSeconds of type int32"],
    ["renewTime without microseconds", { renewTime: "2026-01-01T00:00:00Z" }, 'parsing time "2026-01-01T00:00:00Z" as "2006-01-02T15:04:05.000000Z07:00": cannot parse "Z" as ".000000"'],
    ["renewTime not a time", { renewTime: "yesterday" }, 'parsing time "yesterday" as "2006-01-02T15:04:05.000000Z07:00": cannot parse "yesterday" as "2006"'],
  ])("a Lease with %s is 400", async (_name, spec, detail) => {
    const reply = await lab.call("POST", LEASES, { apiVersion: "coordination.k8s.io/v1", kind: "Lease", metadata: { name: "l" }, spec });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ reason: "BadRequest", message: `Lease in version "v1" cannot be handled as a Lease: ${detail}` });
  });

  it("a Lease with MicroTimes and integer fields is stored as written", async () => {
    const spec = { holderIdentity: "a", leaseDurationSeconds: 15, renewTime: "2026-01-01T00:00:00.123456Z", acquireTime: "2026-01-01T00:00:00.000000Z" };
    const reply = await lab.call("POST", LEASES, { apiVersion: "coordination.k8s.io/v1", kind: "Lease", metadata: { name: "ok" }, spec });
    expect(reply.status).toBe(201);
    expect(reply.body.spec).toEqual(spec);
  });
});

describe("object size", () => {
  it("an object over etcd's 1.5 MiB request limit is 500 with etcd's words, and nothing is stored", async () => {
    const lease = { apiVersion: "coordination.k8s.io/v1", kind: "Lease", metadata: { name: "huge" }, spec: { holderIdentity: "x".repeat(1_600_000) } };
    const reply = await lab.call("POST", LEASES, lease);
    expect(reply.status).toBe(500);
    expect(reply.body).toEqual({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message: "etcdserver: request is too large", code: 500 });
    expect((await lab.call("GET", `${LEASES}/huge`)).status).toBe(404);
  });
});

describe("NetworkPolicy and PodDisruptionBudget", () => {
  const NETPOL = "/apis/networking.k8s.io/v1/namespaces/default/networkpolicies";
  const PDB = "/apis/policy/v1/namespaces/default/poddisruptionbudgets";

  it("discovery lists both kinds (kubectl apply resolves kinds through it)", async () => {
    const netpol = await lab.call("GET", "/apis/networking.k8s.io/v1");
    expect(pick(netpol.body, "resources")).toEqual(expect.arrayContaining([expect.objectContaining({ name: "networkpolicies", kind: "NetworkPolicy", namespaced: true, shortNames: ["netpol"] })]));
    const pdb = await lab.call("GET", "/apis/policy/v1");
    expect(pick(pdb.body, "resources")).toEqual(expect.arrayContaining([expect.objectContaining({ name: "poddisruptionbudgets", kind: "PodDisruptionBudget", shortNames: ["pdb"] })]));
  });

  it("a NetworkPolicy gets policyTypes and port protocols defaulted", async () => {
    const body = { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name: "np" }, spec: { podSelector: { matchLabels: { app: "console" } }, ingress: [{ ports: [{ port: 3000 }] }], egress: [{}] } };
    const reply = await lab.call("POST", NETPOL, body);
    expect(reply.status).toBe(201);
    expect(reply.body.spec).toEqual({ podSelector: { matchLabels: { app: "console" } }, ingress: [{ ports: [{ port: 3000, protocol: "TCP" }] }], egress: [{}], policyTypes: ["Ingress", "Egress"] });
  });

  it.each([
    ["an unknown policy type", { podSelector: {}, policyTypes: ["Sideways"] }, 'spec.policyTypes[0]: Unsupported value: "Sideways": supported values: "Egress", "Ingress"'],
    ["a port out of range", { podSelector: {}, ingress: [{ ports: [{ port: 0 }] }] }, "spec.ingress[0].ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive"],
    ["an unknown protocol", { podSelector: {}, ingress: [{ ports: [{ protocol: "ICMP", port: 80 }] }] }, 'spec.ingress[0].ports[0].protocol: Unsupported value: "ICMP": supported values: "SCTP", "TCP", "UDP"'],
    ["an empty peer", { podSelector: {}, egress: [{ to: [{}] }] }, "spec.egress[0].to[0]: Required value: must specify a peer"],
  ])("a NetworkPolicy with %s is 422", async (_name, spec, detail) => {
    await expectInvalid(NETPOL, { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name: "bad" }, spec }, `NetworkPolicy.networking.k8s.io "bad" is invalid: ${detail}`);
  });

  it("a PodDisruptionBudget starts with zero counters in its status", async () => {
    const reply = await lab.call("POST", PDB, { apiVersion: "policy/v1", kind: "PodDisruptionBudget", metadata: { name: "pdb" }, spec: { minAvailable: 1, selector: { matchLabels: { app: "console" } } } });
    expect(reply.status).toBe(201);
    expect(reply.body.status).toEqual({ disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 });
  });

  it.each([
    ["a negative minAvailable", { minAvailable: -1 }, "spec.minAvailable: Invalid value: -1: must be greater than or equal to 0"],
    ["a percentage over 100", { maxUnavailable: "120%" }, 'spec.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"120%"}: must not be greater than 100%'],
    ["a string that is not a percentage", { minAvailable: "half" }, `spec.minAvailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"half"}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')`],
  ])("a PodDisruptionBudget with %s is 422", async (_name, spec, detail) => {
    await expectInvalid(PDB, { apiVersion: "policy/v1", kind: "PodDisruptionBudget", metadata: { name: "bad" }, spec }, `PodDisruptionBudget.policy "bad" is invalid: ${detail}`);
  });

  it("minAvailable and maxUnavailable together are refused (the message ends as upstream's)", async () => {
    const reply = await lab.call("POST", PDB, { apiVersion: "policy/v1", kind: "PodDisruptionBudget", metadata: { name: "both" }, spec: { minAvailable: 1, maxUnavailable: 1 } });
    expect(reply.status).toBe(422);
    expect(String(reply.body.message)).toMatch(/^PodDisruptionBudget\.policy "both" is invalid: spec: Invalid value: policy\.PodDisruptionBudgetSpec\{.*\}: minAvailable and maxUnavailable cannot be both set$/);
  });
});
