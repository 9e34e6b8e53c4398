import { createServer } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadKubeconfig, type ClusterHandle } from "@/server/kube/kubeconfig";
import { listenOnLoopback } from "@/server/testing/fake-apiserver";
import { writeKubeconfig } from "@/server/testing/kubeconfig-fixture";
import { objectEvents } from "./events";
import { clusterWith, istio, seSpec, stateOf } from "./test/fixtures";

const selectors: string[] = [];
let server: { url: string; close: () => Promise<void> };
let handle: ClusterHandle;

beforeAll(async () => {
  server = await listenOnLoopback(
    createServer((req, res) => {
      selectors.push(new URL(req.url ?? "/", "http://x").searchParams.get("fieldSelector") ?? "");
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ items: [{ type: "Normal", reason: "Seen", lastTimestamp: "2026-12-05T03:00:00Z" }], metadata: {} }));
    }),
  );
  const load = await loadKubeconfig([await writeKubeconfig([{ name: "west", server: server.url }])], []);
  if (!load.ok || !load.clusters[0]) throw new Error("fixture did not load");
  handle = load.clusters[0];
});
afterAll(() => server.close());

const state = stateOf([clusterWith("west", [istio("ServiceEntry", "bookinfo", "api", seSpec("api.example.com"), { uid: "the-uid" })])], {});
const deps = { handle: (cluster: string) => (cluster === "west" ? handle : undefined), timeoutMs: 2000 };

describe("objectEvents", () => {
  it.each([
    ["a cached object: pinned to its uid", "api", "involvedObject.kind=ServiceEntry,involvedObject.namespace=bookinfo,involvedObject.name=api,involvedObject.uid=the-uid"],
    ["an object gone from the cache: by kind, namespace and name", "gone", "involvedObject.kind=ServiceEntry,involvedObject.namespace=bookinfo,involvedObject.name=gone"],
  ])("%s", async (_name, name, selector) => {
    const result = await objectEvents(deps, state, { cluster: "west", kind: "ServiceEntry", namespace: "bookinfo", name });
    expect(result).toMatchObject({ ok: true, cluster: "west", events: [{ reason: "Seen" }] });
    expect(selectors.at(-1)).toBe(selector);
  });

  it("an unknown cluster is a NOT_FOUND naming it, and nothing is asked", () => {
    const before = selectors.length;
    expect(() => objectEvents(deps, state, { cluster: "mars", kind: "ServiceEntry", namespace: "bookinfo", name: "api" })).toThrow(expect.objectContaining({ tag: "eastwest.NotFound", field: "cluster" }));
    expect(selectors).toHaveLength(before);
  });
});
