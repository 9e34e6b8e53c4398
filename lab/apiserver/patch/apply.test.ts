import { describe, expect, it } from "vitest";
import { computePatch } from "./compute-patch";
import { apply, APPLY, seBase as base, seConfig, serviceEntryType, serviceType, statusOf, stored, T1, T2, yamlBody } from "./test-fixtures";

describe("server-side apply", () => {
  it("applying to a missing object returns the object to create with a well-formed Apply entry", () => {
    const created = apply(undefined, base, "kubectl");
    expect(created.spec).toEqual({ hosts: ["a.example"], resolution: "DNS", ports: [{ name: "http", number: 80, protocol: "HTTP" }] });
    expect(created.metadata.managedFields).toEqual([{
      manager: "kubectl", operation: "Apply", apiVersion: "networking.istio.io/v1", time: T1, fieldsType: "FieldsV1",
      fieldsV1: {
        "f:metadata": { "f:labels": { "f:app": {} } },
        "f:spec": { "f:hosts": {}, "f:ports": { 'k:{"name":"http"}': { ".": {}, "f:name": {}, "f:number": {}, "f:protocol": {} } }, "f:resolution": {} },
      },
    }]);
    expect(created.metadata.resourceVersion).toBeUndefined();
  });

  it("re-applying identical config returns the live object unchanged, managedFields time included", () => {
    const live = stored(apply(undefined, base, "kubectl"));
    const again = apply(live, base, "kubectl", { now: T2 });
    expect(again).toEqual(live);
  });

  it("accepts a JSON body and keeps the live resourceVersion", () => {
    const live = stored(apply(undefined, base, "kubectl"));
    const json = JSON.stringify({ apiVersion: "networking.istio.io/v1", kind: "ServiceEntry", metadata: { name: "se1", namespace: "ns", labels: { app: "a" } }, spec: { hosts: ["b.example"], resolution: "DNS", ports: [{ name: "http", number: 80, protocol: "HTTP" }] } });
    const next = apply(live, json, "kubectl", { now: T2 });
    expect(next.spec?.valueOf()).toMatchObject({ hosts: ["b.example"] });
    expect(next.metadata.resourceVersion).toBe("10");
    expect(next.metadata.managedFields?.[0]?.time).toBe(T2);
  });

  it("fields the manager stopped applying are removed", () => {
    const live = stored(apply(undefined, base, "kubectl"));
    const next = apply(live, seConfig(["hosts: [a.example]", "ports:", "- {name: http, number: 80, protocol: HTTP}"]), "kubectl");
    expect(next.spec).toEqual({ hosts: ["a.example"], ports: [{ name: "http", number: 80, protocol: "HTTP" }] });
    expect(next.metadata.labels).toEqual({});
  });

  it("a field another manager also owns survives when the applier drops it", () => {
    const live = stored(apply(undefined, base, "kubectl"));
    const shared = stored(apply(live, seConfig(["resolution: DNS"]), "other"));
    const next = apply(shared, seConfig(["hosts: [a.example]", "ports:", "- {name: http, number: 80, protocol: HTTP}"]), "kubectl");
    expect(next.spec).toMatchObject({ resolution: "DNS" });
  });

  it("map lists merge by key: two appliers own different ports of ServiceEntry spec.ports", () => {
    const live = stored(apply(undefined, base, "kubectl"));
    const withTls = stored(apply(live, seConfig(["ports:", "- {name: tls, number: 443, protocol: TLS}"]), "other"));
    expect((withTls.spec as { ports: unknown[] }).ports).toEqual([
      { name: "http", number: 80, protocol: "HTTP" }, { name: "tls", number: 443, protocol: "TLS" },
    ]);
    const dropHttp = apply(withTls, seConfig(["hosts: [a.example]", "resolution: DNS"], ["app: a"]), "kubectl");
    expect((dropHttp.spec as { ports: unknown[] }).ports).toEqual([{ name: "tls", number: 443, protocol: "TLS" }]);
  });

  it("atomic lists are replaced whole (hosts)", () => {
    const live = stored(apply(undefined, base, "kubectl"));
    const next = apply(live, seConfig(["hosts: [c.example]", "resolution: DNS", "ports:", "- {name: http, number: 80, protocol: HTTP}"], ["app: a"]), "kubectl");
    expect((next.spec as { hosts: string[] }).hosts).toEqual(["c.example"]);
  });

  it("labels are granular: another applier's label is untouched", () => {
    const live = stored(apply(undefined, base, "kubectl"));
    const next = apply(live, seConfig([], ["team: x"]), "labeller");
    expect(next.metadata.labels).toEqual({ app: "a", team: "x" });
  });

  it("the same value for a field another manager owns is shared, not a conflict", () => {
    const live = stored(apply(undefined, base, "kubectl"));
    const next = apply(live, seConfig(["resolution: DNS"]), "other");
    const other = next.metadata.managedFields?.find((e) => e.manager === "other");
    expect(other?.fieldsV1).toEqual({ "f:spec": { "f:resolution": {} } });
  });
});

describe("apply-patch+yaml checks", () => {
  const live = stored(apply(undefined, base, "kubectl"));
  const cases: Array<{ name: string; run: () => unknown; code: number; reason: string; message: string }> = [
    {
      name: "missing fieldManager → 422 on PatchOptions", code: 422, reason: "Invalid",
      message: 'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch',
      run: () => computePatch({ type: serviceEntryType, existing: live, body: base, contentType: APPLY, now: T1 }),
    },
    {
      name: "wrong kind → 400 invalid object type", code: 400, reason: "BadRequest",
      message: "invalid object type: networking.istio.io/v1, Kind=WorkloadEntry",
      run: () => apply(live, base.replace("kind: ServiceEntry", "kind: WorkloadEntry"), "kubectl"),
    },
    {
      name: "wrong version → 400 invalid object type", code: 400, reason: "BadRequest",
      message: "invalid object type: networking.istio.io/v9, Kind=ServiceEntry",
      run: () => apply(live, base.replace("networking.istio.io/v1", "networking.istio.io/v9"), "kubectl"),
    },
    {
      name: "managedFields in the config → 400", code: 400, reason: "BadRequest", message: "metadata.managedFields must be nil",
      run: () => apply(live, base.replace("  namespace: ns", "  namespace: ns\n  managedFields: []"), "kubectl"),
    },
    {
      name: "a stale resourceVersion → 409", code: 409, reason: "Conflict",
      message: 'Operation cannot be fulfilled on serviceentries.networking.istio.io "se1": the object has been modified; please apply your changes to the latest version and try again',
      run: () => apply(live, base.replace("  namespace: ns", '  namespace: ns\n  resourceVersion: "3"'), "kubectl"),
    },
    {
      name: "undecodable YAML → 400", code: 400, reason: "BadRequest", message: "error decoding YAML",
      run: () => apply(live, "a: [b", "kubectl"),
    },
  ];
  it.each(cases)("$name", ({ run, code, reason, message }) => {
    const status = statusOf(run);
    expect(status.code).toBe(code);
    expect(status.reason).toBe(reason);
    expect(status.message).toContain(message);
  });

  it("a matching resourceVersion is accepted", () => {
    const next = apply(live, base.replace("  namespace: ns", '  namespace: ns\n  resourceVersion: "10"'), "kubectl");
    expect(next).toEqual(live);
  });

  it("a served older version applies and is recorded with that apiVersion", () => {
    const created = apply(undefined, base.replace("networking.istio.io/v1", "networking.istio.io/v1beta1"), "kubectl");
    expect(created.metadata.managedFields?.[0]?.apiVersion).toBe("networking.istio.io/v1beta1");
  });
});

describe("apply with the status subresource", () => {
  const live = stored(apply(undefined, base, "kubectl"));
  it("changes only .status and records subresource status", () => {
    const body = seConfig(["hosts: [ignored]"]).concat("status:\n  phase: Ready\n");
    const next = apply(live, body, "ctrl", { subresource: "status" });
    expect(next.spec).toEqual(live.spec);
    expect(next.status).toEqual({ phase: "Ready" });
    const entry = next.metadata.managedFields?.find((e) => e.manager === "ctrl");
    expect(entry).toMatchObject({ operation: "Apply", subresource: "status", fieldsV1: { "f:status": { "f:phase": {} } } });
  });

  it("a main-resource apply ignores .status", () => {
    const next = apply(live, base.concat("status:\n  phase: Ready\n"), "kubectl");
    expect(next).toEqual(live);
  });

  it("applying to the status of a missing object → 404", () => {
    expect(statusOf(() => apply(undefined, base, "ctrl", { subresource: "status" })).code).toBe(404);
  });
});

describe("apply on built-in list maps", () => {
  it("Service ports are keyed by port and protocol (protocol defaults to TCP)", () => {
    const svc = (ports: string[]) => yamlBody(["apiVersion: v1", "kind: Service", "metadata:", "  name: s", "spec:", "  ports:", ...ports.map((p) => `  - ${p}`)]);
    const created = apply(undefined, svc(["{port: 80, name: http}"]), "kubectl", { type: serviceType });
    expect(created.metadata.managedFields?.[0]?.fieldsV1).toEqual({
      "f:spec": { "f:ports": { 'k:{"port":80,"protocol":"TCP"}': { ".": {}, "f:name": {}, "f:port": {} } } },
    });
    const other = apply(stored(created), svc(["{port: 443, name: https}"]), "other", { type: serviceType });
    expect((other.spec as { ports: unknown[] }).ports).toHaveLength(2);
  });
});

describe("apply configurations that do not type-check", () => {
  it.each([
    {
      name: "duplicate keys in a map list",
      spec: ["ports:", "- {name: http, number: 80}", "- {name: http, number: 81}"],
      message: 'failed to create typed patch object (ns/se1; networking.istio.io/v1, Kind=ServiceEntry): .spec.ports: duplicate entries for key [name="http"]',
    },
    {
      name: "an item without its key field",
      spec: ["ports:", "- {number: 80}"],
      message: 'failed to create typed patch object (ns/se1; networking.istio.io/v1, Kind=ServiceEntry): .spec.ports: element 0: associative list with keys has an element that omits key field "name" (and doesn\'t have default value)',
    },
  ])("$name → 500 with upstream's message", ({ spec, message }) => {
    const status = statusOf(() => apply(undefined, seConfig(spec), "kubectl"));
    expect(status).toMatchObject({ code: 500, message });
    expect(status.reason).toBeUndefined();
  });
});
