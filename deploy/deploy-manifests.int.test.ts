// Every overlay, rendered (`kubectl kustomize`) and server-side dry-run against the lab, which validates each object
// as a cluster would (schemas, RBAC kinds, the CRD, NetworkPolicy, PodDisruptionBudget) and persists nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRegistryLab, type RegistryLab } from "@/server/registry/test/lab-fixture";
import { kustomize, OVERLAYS, overlayDir } from "./test/render";

let env: RegistryLab;

beforeAll(async () => {
  env = await startRegistryLab();
  // The console's namespace exists before its namespaced objects can dry-run, as on a real cluster.
  await env.kubectl("west", ["create", "namespace", "eastwest-system"]);
}, 60_000);
afterAll(async () => {
  await env?.stop();
});

describe.each(OVERLAYS)("deploy/overlays/%s against the lab", (overlay) => {
  it("passes a server-side dry-run, object by object, and persists nothing", async () => {
    const rendered = await kustomize(overlayDir(overlay));
    const out = await env.kubectl("west", ["apply", "--server-side", "--field-manager=eastwest-install", "--dry-run=server", "-f", "-"], rendered);
    const lines = out.trim().split("\n");
    expect(lines.length).toBe(rendered.split(/^---$/m).length);
    for (const line of lines) expect(line).toMatch(/serverside-applied \(server dry run\)$/);
    await expect(env.kubectl("west", ["get", "deployment", "eastwest-console", "-n", "eastwest-system"])).rejects.toThrow(/NotFound|not found/);
  });
});
