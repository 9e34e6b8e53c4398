import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ingressGatewayManifest } from "@/lib/manifests/ingress-gateway";
import { followHandles } from "@/server/registry/handle-pool";
import { writeKubeconfig } from "../testing/kubeconfig-fixture";
import { createConsoleWriter } from "./console-writer";
import { loadKubeconfig, type ClusterHandle } from "./kubeconfig";
import { startRecordingApiServer } from "./test/recording-apiserver";
import { createClusterWriter } from "./writer";

type Server = Awaited<ReturnType<typeof startRecordingApiServer>>;
let server: Server;
let handle: ClusterHandle;

beforeAll(async () => {
  server = await startRecordingApiServer(["install.tetrate.io/v1alpha1", "networking.istio.io/v1", "v1"]);
  const load = await loadKubeconfig([await writeKubeconfig([{ name: "east", server: server.url }])], []);
  if (!load.ok || !load.clusters[0]) throw new Error("fixture did not load");
  handle = load.clusters[0];
});
afterAll(() => server.close());
beforeEach(() => server.requests.splice(0));

const calls = () => server.requests.map((r) => `${r.method} ${r.path}${Object.keys(r.query).length ? `?${new URLSearchParams(r.query).toString()}` : ""}`);
const GATEWAY = "/apis/install.tetrate.io/v1alpha1/namespaces/bookinfo/ingressgateways/eastwest";

describe("the one writer", () => {
  it("a gateway preview (read live, dry-run apply) costs its own two requests and no discovery, every time", async () => {
    // As production-deps keeps them: one writer per cluster, made once.
    const writerFor = followHandles(() => handle, (h) => createConsoleWriter(h, { timeoutMs: 2_000 }));
    const manifest = ingressGatewayManifest("eastwest", "bookinfo");
    for (let preview = 0; preview < 3; preview++) {
      const writer = writerFor("east");
      if (!writer) throw new Error("no writer");
      expect(await writer.get({ apiVersion: manifest.apiVersion, kind: manifest.kind, namespace: "bookinfo", name: "eastwest" })).toEqual({ ok: true, object: undefined });
      expect(await writer.apply(manifest, { dryRun: true })).toMatchObject({ ok: true, object: { metadata: { name: "eastwest" } } });
    }
    expect(writerFor("east")).toBe(writerFor("east"));
    const preview = [`GET ${GATEWAY}`, `PATCH ${GATEWAY}?fieldManager=eastwest-console&dryRun=All`];
    expect(calls()).toEqual([...preview, ...preview, ...preview]);
  });

  it("applies server-side with the console's field manager, forcing only when asked", async () => {
    const writer = createConsoleWriter(handle);
    await writer?.apply(ingressGatewayManifest("eastwest", "bookinfo"), { dryRun: false, force: true });
    expect(server.requests[0]).toMatchObject({ method: "PATCH", path: GATEWAY, query: { fieldManager: "eastwest-console", force: "true" }, contentType: "application/apply-patch+yaml" });
    expect(await writer?.get({ apiVersion: "install.tetrate.io/v1alpha1", kind: "IngressGateway", namespace: "bookinfo", name: "eastwest" })).toMatchObject({ ok: true, object: { metadata: { uid: "u1" } } });
  });

  it("deletes under the uid + resourceVersion precondition; an object already gone is what was asked", async () => {
    const writer = createConsoleWriter(handle);
    const ref = { apiVersion: "install.tetrate.io/v1alpha1", kind: "IngressGateway", namespace: "bookinfo", name: "gone" };
    expect(await writer?.remove(ref, { uid: "u9", resourceVersion: "7" })).toEqual({ ok: true });
    expect(server.requests[0]).toMatchObject({ method: "DELETE", body: { kind: "DeleteOptions", preconditions: { uid: "u9", resourceVersion: "7" } } });
  });

  it("a kind the cluster does not serve is a rejection saying so, not an absent object", async () => {
    const writer = createConsoleWriter(handle);
    const outcome = await writer?.get({ apiVersion: "settings.tetrate.io/v1alpha1", kind: "WorkspaceSetting", namespace: "bookinfo", name: "s" });
    expect(outcome).toMatchObject({ ok: false, kind: "rejected", message: expect.stringMatching(/east does not serve WorkspaceSetting/) });
  });

  it("the registry's view writes as eastwest-registry, locked to the observed version, forced only on request", async () => {
    const writer = createClusterWriter(handle, { timeoutMs: 2_000 });
    const object = { apiVersion: "networking.istio.io/v1" as const, kind: "ServiceEntry" as const, metadata: { name: "a", namespace: "xcp", labels: {}, annotations: {} }, spec: {} };
    expect(await writer?.apply(object, "41")).toMatchObject({ ok: true, resourceVersion: "1" });
    await writer?.apply(object, "42", { force: true });
    await writer?.recordDrift?.({ object: { kind: "ServiceEntry", namespace: "xcp", name: "a", uid: "u1" }, fields: ["spec.hosts"], instance: "r1" });
    expect(calls()).toEqual([
      "PATCH /apis/networking.istio.io/v1/namespaces/xcp/serviceentries/a?fieldManager=eastwest-registry",
      "PATCH /apis/networking.istio.io/v1/namespaces/xcp/serviceentries/a?fieldManager=eastwest-registry&force=true",
      "POST /api/v1/namespaces/xcp/events",
    ]);
    expect(server.requests[0]?.body).toMatchObject({ metadata: { resourceVersion: "41" } });
    expect(server.requests[2]?.body).toMatchObject({ kind: "Event", reason: "DriftRepaired", involvedObject: { apiVersion: "networking.istio.io/v1", uid: "u1" } });
  });
});
