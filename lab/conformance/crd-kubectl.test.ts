// The FailoverDrill CRD through the real kubectl against a lab cluster: apply the repo's CRD manifest, apply a
// drill, `kubectl get fd` with the CRD's printer columns, a bad drill refused with the field path, defaults in
// `-o yaml`, status written with --subresource=status, discovery and explain, and deleting the CRD removes its
// drills. Nothing is pre-registered: before the apply, the type is unknown.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { kubectl, startTestLab, table, writeManifest, type LabFixture } from "./fixture";

const CRD_FILE = join(process.cwd(), "deploy/crds/failoverdrills.eastwest.dev.yaml");
const drillYaml = (name: string, spec: string) =>
  `apiVersion: eastwest.dev/v1alpha1\nkind: FailoverDrill\nmetadata:\n  name: ${name}\n  namespace: bookinfo\nspec:\n${spec}`;

let fx: LabFixture;
beforeAll(async () => {
  fx = await startTestLab({ dataPlane: false });
});
afterAll(async () => {
  await fx.close();
});

describe("FailoverDrill CRD with kubectl", () => {
  it("is unknown until the CRD is applied, then served and listed by discovery", async () => {
    const before = await kubectl(fx, ["get", "fd", "-n", "bookinfo"]);
    expect(before.code).not.toBe(0);
    expect(before.stderr).toContain('the server doesn\'t have a resource type "fd"');
    const applied = await kubectl(fx, ["apply", "-f", CRD_FILE]);
    expect(applied.stderr).toBe("");
    expect(applied.stdout).toBe("customresourcedefinition.apiextensions.k8s.io/failoverdrills.eastwest.dev created\n");
    const crds = table((await kubectl(fx, ["get", "crd"])).stdout);
    expect(crds[0]).toEqual(["NAME", "CREATED", "AT"]);
    expect(crds[1]?.[0]).toBe("failoverdrills.eastwest.dev");
    expect(crds[1]?.[1]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const resources = table((await kubectl(fx, ["api-resources", "--api-group=eastwest.dev"])).stdout);
    expect(resources[1]).toEqual(["failoverdrills", "fd", "eastwest.dev/v1alpha1", "true", "FailoverDrill"]);
    const established = await kubectl(fx, ["wait", "--for=condition=Established", "crd/failoverdrills.eastwest.dev", "--timeout=10s"]);
    expect(established.stdout).toBe("customresourcedefinition.apiextensions.k8s.io/failoverdrills.eastwest.dev condition met\n");
    // The CRD is served in west only.
    const east = await kubectl(fx, ["get", "fd", "-n", "bookinfo"], { context: "east" });
    expect(east.code).not.toBe(0);
  });

  it("applies a drill; get fd prints the printer columns; -o yaml shows the schema defaults", async () => {
    const file = await writeManifest(fx, "d1.yaml", drillYaml("d1", "  service: details\n"));
    const applied = await kubectl(fx, ["apply", "-f", file]);
    expect(applied.stderr).toBe("");
    expect(applied.stdout).toBe("failoverdrill.eastwest.dev/d1 created\n");
    const rows = table((await kubectl(fx, ["get", "fd", "-n", "bookinfo"])).stdout);
    expect(rows[0]).toEqual(["NAME", "SERVICE", "PHASE", "SHIFT", "VERDICT", "AGE"]);
    expect(rows[1]?.slice(0, 2)).toEqual(["d1", "details"]);
    const yaml = parse((await kubectl(fx, ["get", "fd", "d1", "-n", "bookinfo", "-o", "yaml"])).stdout) as { spec: unknown };
    expect(yaml.spec).toEqual({ service: "details", fault: "ScaleToZero", maxDuration: "2m", abort: false });
    // Re-applying the same manifest changes nothing.
    expect((await kubectl(fx, ["apply", "-f", file])).stdout).toBe("failoverdrill.eastwest.dev/d1 unchanged\n");
  });

  it("refuses a bad drill with 422 and the field path; refuses unknown fields (kubectl validates strictly)", async () => {
    const bad = await kubectl(fx, ["apply", "-f", await writeManifest(fx, "bad.yaml", drillYaml("bad", "  service: details\n  fault: Foo\n"))]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('The FailoverDrill "bad" is invalid: spec.fault: Unsupported value: "Foo": supported values: "ScaleToZero", "FailRequests"');
    const unknown = await kubectl(fx, ["apply", "-f", await writeManifest(fx, "unknown.yaml", drillYaml("unknown", "  service: details\n  foo: 1\n"))]);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('strict decoding error: unknown field "spec.foo"');
    expect((await kubectl(fx, ["get", "fd", "bad", "unknown", "-n", "bookinfo", "--ignore-not-found"])).stdout).toBe("");
  });

  it("writes status with --subresource=status; the printer columns show it", async () => {
    const status = JSON.stringify({ status: { phase: "Succeeded", verdict: "Passed", timeToShiftSeconds: 4.2 } });
    const patched = await kubectl(fx, ["patch", "fd", "d1", "-n", "bookinfo", "--subresource=status", "--type=merge", "-p", status]);
    expect(patched.stdout).toBe("failoverdrill.eastwest.dev/d1 patched\n");
    // A main-resource patch cannot change status.
    await kubectl(fx, ["patch", "fd", "d1", "-n", "bookinfo", "--type=merge", "-p", JSON.stringify({ status: { phase: "Failed" } })]);
    const rows = table((await kubectl(fx, ["get", "fd", "d1", "-n", "bookinfo"])).stdout);
    expect(rows[1]?.slice(0, 5)).toEqual(["d1", "details", "Succeeded", "4.2", "Passed"]);
  });

  it("explains the type from its schema", async () => {
    const explained = await kubectl(fx, ["explain", "fd.spec.fault"]);
    expect(explained.stderr).toBe("");
    expect(explained.stdout).toContain("FIELD: fault <string>");
    expect(explained.stdout).toContain("ScaleToZero scales every local workload behind the Service to 0");
  });

  it("deleting the CRD deletes its drills and stops serving the type", async () => {
    const deleted = await kubectl(fx, ["delete", "-f", CRD_FILE]);
    expect(deleted.stdout).toBe('customresourcedefinition.apiextensions.k8s.io "failoverdrills.eastwest.dev" deleted\n');
    const gone = await kubectl(fx, ["get", "fd", "-n", "bookinfo"]);
    expect(gone.code).not.toBe(0);
    expect((await kubectl(fx, ["apply", "-f", CRD_FILE])).code).toBe(0);
    const empty = await kubectl(fx, ["get", "fd", "-n", "bookinfo"]);
    expect(empty.stderr).toBe("No resources found in bookinfo namespace.\n");
  });
});
