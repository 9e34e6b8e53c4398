// Integration: the bounds and the error classes through the real tRPC handler, the real fleet service and
// client-node against the embedded demo lab. A WorkspaceSetting that kubectl made 700 levels deep (which once
// answered 500 "Maximum call stack size exceeded") is refused with 422 and a sentence, nothing is written; a
// recheck names an unknown cluster (404) and one EASTWEST_CONTEXTS leaves out as excluded.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStreamSlots } from "@/server/http/stream-slots";
import { errorOf, post } from "@/server/http/test/handler-fixture";
import { createTrpcHandler } from "@/server/http/trpc-handler";
import { startRegistryLab, type RegistryLab } from "@/server/registry/test/lab-fixture";
import { startSyncedFleet, type SyncedFleet } from "@/server/testing/synced-fleet";
import { waitForSnapshot } from "@/server/testing/wait-for-snapshot";
import { appRouter } from "./app-router";

const SETTING = ["workspacesettings.settings.tetrate.io", "bookinfo-ws-setting", "-n", "bookinfo"];

let env: RegistryLab;
let fleet: SyncedFleet;
let handle: (req: Request) => Promise<Response>;

const nested = (levels: number): unknown => (levels <= 1 ? { leaf: true } : { a: nested(levels - 1) });
const depthOf = (value: unknown): number => (typeof value === "object" && value !== null ? 1 + Math.max(0, ...Object.values(value).map(depthOf)) : 0);
// Nested where the CRD keeps what it is given (configGenerationMetadata is free-form): a typed field would be pruned.
const extraDepth = (spec: unknown) => depthOf((spec as { configGenerationMetadata?: { extra?: unknown } } | undefined)?.configGenerationMetadata?.extra);
const cachedSetting = () => [...(fleet.snapshots.current().clusters.find((c) => c.name === "west")?.objects.WorkspaceSetting.values() ?? [])][0];

beforeAll(async () => {
  env = await startRegistryLab();
  // north is in the kubeconfig but left out, as EASTWEST_CONTEXTS=west,east would.
  fleet = await startSyncedFleet(env.lab.kubeconfigPath, 2, { contexts: ["west", "east"] });
  handle = createTrpcHandler({ router: appRouter, slots: createStreamSlots({ perClient: 8, total: 8 }), createContext: () => ({ fleet }) });
}, 120_000);
afterAll(async () => {
  fleet.stop();
  await env.stop();
});

describe("bounds against the lab", () => {
  it("a WorkspaceSetting nested 700 levels deep: exposure preview and apply answer 422 with a sentence, nothing written", async () => {
    await env.kubectl("west", ["patch", ...SETTING, "--type", "merge", "-p", JSON.stringify({ spec: { configGenerationMetadata: { extra: nested(700) } } })]);
    await waitForSnapshot(fleet.snapshots, "deep setting cached", () => extraDepth(cachedSetting()?.spec) === 700);
    const before = await env.kubectl("west", ["get", ...SETTING, "-o", "jsonpath={.metadata.resourceVersion}"]);
    for (const path of ["workspace.exposurePreview", "workspace.exposureApply"]) {
      const { status, error } = await errorOf(await handle(post(path, { workspace: "bookinfo-ws", exposure: { mode: "all" } })));
      expect(status).toBe(422);
      expect(error.message).toBe("WorkspaceSetting bookinfo/bookinfo-ws-setting nests deeper than 64 levels; the console will not edit it. Flatten it with kubectl, then try again.");
      expect(error.data.fieldErrors).toEqual([{ field: "workspace", message: error.message }]);
    }
    expect(await env.kubectl("west", ["get", ...SETTING, "-o", "jsonpath={.metadata.resourceVersion}"])).toBe(before);
    // Flattened again, the same preview is served.
    await env.kubectl("west", ["patch", ...SETTING, "--type", "json", "-p", '[{"op":"remove","path":"/spec/configGenerationMetadata"}]']);
    await waitForSnapshot(fleet.snapshots, "flat setting cached", () => extraDepth(cachedSetting()?.spec) === 0);
    expect((await handle(post("workspace.exposurePreview", { workspace: "bookinfo-ws", exposure: { mode: "all" } }))).status).toBe(200);
  }, 60_000);

  it.each([
    ["unknown", "mars", 'No cluster named "mars" in the kubeconfig (known: west, east).'],
    ["excluded by EASTWEST_CONTEXTS", "north", 'Cluster "north" is in the kubeconfig but excluded by EASTWEST_CONTEXTS (watching: west, east); add it there to use it.'],
  ])("fleet.recheck of an %s cluster answers 404 naming the field", async (_name, cluster, message) => {
    const { status, error } = await errorOf(await handle(post("fleet.recheck", { cluster })));
    expect(status).toBe(404);
    expect(error).toMatchObject({ message, data: { code: "NOT_FOUND", fieldErrors: [{ field: "cluster", message }] } });
  });

  it("a gateway deploy to the excluded cluster is a 404 on its field that says it is excluded", async () => {
    const { status, error } = await errorOf(await handle(post("workspace.gatewayPreview", { workspace: "bookinfo-ws", clusters: ["west", "north"] })));
    expect(status).toBe(404);
    expect(error.data.fieldErrors).toEqual([{ field: "clusters.1", message: 'cluster "north" is in the kubeconfig but excluded by EASTWEST_CONTEXTS (watching: west, east); add it there to use it.' }]);
  });

  it("fleet.recheck of a watched cluster answers its status", async () => {
    const res = await handle(post("fleet.recheck", { cluster: "east" }));
    expect(res.status).toBe(200);
  });
});
