// P1-12 through client-node: server-side apply (PatchStrategy.ServerSideApply) creates, conflicts with another
// manager's field (409, FieldManagerConflict) and takes ownership with force.
import { ApiException, KubeConfig, KubernetesObjectApi, PatchStrategy, type KubernetesObject } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestLab, type LabFixture } from "./fixture";

let fx: LabFixture;
let client: KubernetesObjectApi;

beforeAll(async () => {
  fx = await startTestLab();
  const kc = new KubeConfig();
  kc.loadFromFile(fx.kubeconfig);
  kc.setCurrentContext("west");
  client = KubernetesObjectApi.makeApiClient(kc);
});
afterAll(async () => {
  await fx.close();
});

const entry = (address: string): KubernetesObject & { spec: Record<string, unknown> } => ({
  apiVersion: "networking.istio.io/v1",
  kind: "WorkloadEntry",
  metadata: { name: "k-details-fc556d47e94d1cb435e513fa016c2243", namespace: "bookinfo" },
  spec: { address, labels: { app: "details" }, ports: { http: 15443 } },
});

const apply = (obj: KubernetesObject, manager: string, force = false) =>
  client.patch(obj, undefined, undefined, manager, force, PatchStrategy.ServerSideApply);

describe("P1-12 server-side apply via client-node", () => {
  it("P1-12 applies, conflicts with another manager, and forces", async () => {
    const created = await apply(entry("18.135.167.198"), "eastwest-console");
    expect(created.metadata?.managedFields).toEqual([
      expect.objectContaining({ manager: "eastwest-console", operation: "Apply", fieldsType: "FieldsV1" }),
    ]);
    const error = await apply(entry("10.0.0.9"), "someone-else").then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(ApiException);
    const apiError = error as ApiException<string>;
    expect(apiError.code).toBe(409);
    const status = JSON.parse(apiError.body) as { reason: string; details: { causes: Array<{ reason: string; field: string }> } };
    expect(status.reason).toBe("Conflict");
    expect(status.details.causes).toEqual([expect.objectContaining({ reason: "FieldManagerConflict", field: ".spec.address" })]);
    const forced = (await apply(entry("10.0.0.9"), "someone-else", true)) as KubernetesObject & { spec: { address: string } };
    expect(forced.spec.address).toBe("10.0.0.9");
    const owners = (forced.metadata?.managedFields ?? []).map((m) => m.manager).sort();
    expect(owners).toEqual(["eastwest-console", "someone-else"]);
  });
});
