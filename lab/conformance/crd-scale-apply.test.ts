// Server-side apply on a Deployment's /scale, as the drill runner scales with it: applying an autoscaling/v1 Scale
// sets spec.replicas and records the applier with subresource "scale"; an unforced apply of replicas another
// manager owns is a 409 FieldManagerConflict on .spec.replicas; force takes ownership; dry-run stores nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pick, startLab, type Lab } from "./harness";

const DEPLOYS = "/apis/apps/v1/namespaces/default/deployments";
const SCALE = `${DEPLOYS}/web/scale`;
const APPLY = { "Content-Type": "application/apply-patch+yaml" };
const scale = (replicas: number) => `apiVersion: autoscaling/v1\nkind: Scale\nmetadata:\n  name: web\n  namespace: default\nspec:\n  replicas: ${replicas}\n`;

type Entry = { manager: string; operation: string; subresource?: string; fieldsV1: Record<string, unknown> };
const entries = async (): Promise<Entry[]> => pick((await lab.call("GET", `${DEPLOYS}/web`)).body, "metadata.managedFields") as Entry[];
const replicas = async (): Promise<unknown> => pick((await lab.call("GET", `${DEPLOYS}/web`)).body, "spec.replicas");

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
  const deployment = {
    apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web" },
    spec: { replicas: 2, selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "web", image: "nginx" }] } } },
  };
  expect((await lab.call("POST", `${DEPLOYS}?fieldManager=creator`, deployment)).status).toBe(201);
});
afterAll(async () => {
  await lab.close();
});

describe("apply-patch on deployments/scale", () => {
  it("refuses an apply without a fieldManager (422) and a body that is not a Scale (400)", async () => {
    const missing = await lab.call("PATCH", SCALE, scale(1), APPLY);
    expect(missing.status).toBe(422);
    expect(missing.body.message).toBe('PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch');
    const wrong = await lab.call("PATCH", `${SCALE}?fieldManager=drill`, "apiVersion: apps/v1\nkind: Deployment\n", APPLY);
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toBe("invalid object type: apps/v1, Kind=Deployment");
  });

  it("conflicts with the manager that owns spec.replicas unless forced", async () => {
    const conflict = await lab.call("PATCH", `${SCALE}?fieldManager=drill`, scale(0), APPLY);
    expect(conflict.status).toBe(409);
    expect(conflict.body).toMatchObject({
      reason: "Conflict",
      message: 'Apply failed with 1 conflict: conflict with "creator" using apps/v1: .spec.replicas',
      details: { causes: [{ reason: "FieldManagerConflict", message: 'conflict with "creator" using apps/v1', field: ".spec.replicas" }] },
    });
    expect(await replicas()).toBe(2);
  });

  it("dry-run reports the result and stores nothing", async () => {
    const dry = await lab.call("PATCH", `${SCALE}?fieldManager=drill&force=true&dryRun=All`, scale(0), APPLY);
    expect(dry.status).toBe(200);
    expect(pick(dry.body, "spec.replicas")).toBe(0);
    expect(await replicas()).toBe(2);
  });

  it("force takes ownership of spec.replicas, recorded with subresource scale", async () => {
    const forced = await lab.call("PATCH", `${SCALE}?fieldManager=drill&force=true`, scale(0), APPLY);
    expect(forced.status).toBe(200);
    expect(forced.body).toMatchObject({ kind: "Scale", apiVersion: "autoscaling/v1", spec: { replicas: 0 }, status: { selector: "app=web" } });
    expect(await replicas()).toBe(0);
    const all = await entries();
    expect(all.find((e) => e.manager === "drill")).toMatchObject({ operation: "Apply", subresource: "scale", fieldsV1: { "f:spec": { "f:replicas": {} } } });
    expect(pick(all.find((e) => e.manager === "creator"), "fieldsV1.f:spec")).not.toHaveProperty("f:replicas");
    // The owner re-applies its own field without force.
    expect((await lab.call("PATCH", `${SCALE}?fieldManager=drill`, scale(2), APPLY)).status).toBe(200);
    expect(await replicas()).toBe(2);
  });

  it("a merge patch of /scale (kubectl scale) is recorded as an Update with subresource scale", async () => {
    const patched = await lab.call("PATCH", `${SCALE}?fieldManager=kubectl`, { spec: { replicas: 3 } });
    expect(patched.status).toBe(200);
    expect((await entries()).find((e) => e.manager === "kubectl")).toMatchObject({ operation: "Update", subresource: "scale" });
    const conflict = await lab.call("PATCH", `${SCALE}?fieldManager=drill`, scale(1), APPLY);
    expect(conflict.body.message).toBe('Apply failed with 1 conflict: conflict with "kubectl" with subresource "scale" using apps/v1: .spec.replicas');
  });
});
