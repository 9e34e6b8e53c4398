// A CRD-registered type through @kubernetes/client-node, as the console's drill runner uses it: the CRD created
// and Established, objects created (422 with the field path on a bad one; defaults on a good one), status merged
// through /status, and an informer that sees the objects, sees them deleted with the CRD, then fails its relist
// with 404 because the type is gone (its watch ended, as upstream ends a deleted CRD's watches).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  ApiException, ApiextensionsV1Api, CustomObjectsApi, KubeConfig, KubernetesObjectApi, makeInformer, setHeaderOptions, type KubernetesObject,
} from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { startLab, until, type Lab } from "./harness";

type Drill = KubernetesObject & { spec?: Record<string, unknown>; status?: Record<string, unknown> };
const GROUP = { group: "eastwest.dev", version: "v1alpha1", plural: "failoverdrills", namespace: "bookinfo" };
const drill = (name: string, spec: Record<string, unknown>): Drill => ({ apiVersion: "eastwest.dev/v1alpha1", kind: "FailoverDrill", metadata: { name, namespace: "bookinfo" }, spec });

let lab: Lab;
let kc: KubeConfig;
beforeAll(async () => {
  lab = await startLab({ namespaces: ["default", "bookinfo"] });
  kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: "lab", server: lab.url, skipTLSVerify: true }], users: [{ name: "lab" }],
    contexts: [{ name: "lab", cluster: "lab", user: "lab" }], currentContext: "lab",
  });
});
afterAll(async () => {
  await lab.close();
});

async function failure(promise: Promise<unknown>): Promise<{ code: number; message: string }> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof ApiException)) throw new Error(`expected an ApiException, got ${String(error)}`);
  const body = typeof error.body === "string" ? (JSON.parse(error.body) as { message?: string }) : (error.body as { message?: string });
  return { code: error.code, message: body.message ?? "" };
}

describe("FailoverDrill through client-node", () => {
  it("reads the CRD Established right after it was created", async () => {
    // Created as raw JSON: client-node's typed createCustomResourceDefinition would serialize a plain manifest
    // through its model and drop `enum`, `default` and the x-kubernetes-* keys (its model names them _enum …).
    const manifest = parse(readFileSync(join(process.cwd(), "deploy/crds/failoverdrills.eastwest.dev.yaml"), "utf8")) as unknown;
    expect((await lab.call("POST", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", manifest)).status).toBe(201);
    const crds = kc.makeApiClient(ApiextensionsV1Api);
    const read = await crds.readCustomResourceDefinition({ name: "failoverdrills.eastwest.dev" });
    expect(read.status?.conditions?.find((c) => c.type === "Established")?.status).toBe("True");
    expect(read.status?.acceptedNames).toMatchObject({ kind: "FailoverDrill", plural: "failoverdrills", shortNames: ["fd"] });
  });

  it("refuses a bad drill with 422 and creates a good one with its defaults (discovery maps the kind)", async () => {
    const objects = KubernetesObjectApi.makeApiClient(kc);
    const bad = await failure(objects.create(drill("bad", { service: "details", fault: "Foo" })));
    expect(bad).toEqual({ code: 422, message: 'FailoverDrill.eastwest.dev "bad" is invalid: spec.fault: Unsupported value: "Foo": supported values: "ScaleToZero", "FailRequests"' });
    const created = (await objects.create(drill("good", { service: "details" }))) as Drill;
    expect(created.spec).toEqual({ service: "details", fault: "ScaleToZero", maxDuration: "2m", abort: false });
  });

  it("merges status through /status and leaves spec alone", async () => {
    const custom = kc.makeApiClient(CustomObjectsApi);
    const body = { spec: { service: "ignored" }, status: { phase: "Baseline" } };
    const patched = (await custom.patchNamespacedCustomObjectStatus({ ...GROUP, name: "good", body }, setHeaderOptions("Content-Type", "application/merge-patch+json"))) as Drill;
    expect(patched.status).toEqual({ phase: "Baseline" });
    expect(patched.spec?.service).toBe("details");
    const invalid = await failure(custom.patchNamespacedCustomObjectStatus({ ...GROUP, name: "good", body: { status: { phase: "Nope" } } }, setHeaderOptions("Content-Type", "application/merge-patch+json")));
    expect(invalid.code).toBe(422);
    expect(invalid.message).toContain('status.phase: Unsupported value: "Nope"');
  });

  it("an informer sees the drills, their deletion with the CRD, then the type gone (404 on relist)", async () => {
    const custom = kc.makeApiClient(CustomObjectsApi);
    const list = () => custom.listNamespacedCustomObject(GROUP) as Promise<{ metadata: { resourceVersion: string }; items: Drill[] }>;
    const informer = makeInformer<Drill>(kc, "/apis/eastwest.dev/v1alpha1/namespaces/bookinfo/failoverdrills", list as never);
    const events: string[] = [];
    const errors: unknown[] = [];
    informer.on("add", (d) => events.push(`add ${d.metadata?.name ?? ""}`));
    informer.on("delete", (d) => events.push(`delete ${d.metadata?.name ?? ""}`));
    informer.on("error", (e) => errors.push(e));
    await informer.start();
    try {
      await until(() => events.includes("add good"));
      await kc.makeApiClient(ApiextensionsV1Api).deleteCustomResourceDefinition({ name: "failoverdrills.eastwest.dev" });
      await until(() => events.includes("delete good") && errors.length > 0);
      // client-node reports a failed relist as ApiException (code) and a refused watch as an Error with statusCode.
      const failed = errors[0] as { code?: number; statusCode?: number };
      expect(failed.statusCode ?? failed.code).toBe(404);
    } finally {
      await informer.stop();
    }
  });
});
