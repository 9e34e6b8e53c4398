import { describe, expect, it } from "vitest";
import { clusterSnapshot } from "@/lib/fleet/snapshot-fixtures";
import { viewMemoOf } from "@/server/workspaces/view-memo";
import { testModel } from "@/server/workspaces/test/test-model";
import { clusterDetail } from "./cluster-detail";
import { pageSnapshot, pageView, statusOf } from "./test-fleet";

function deps(excluded: readonly string[] = []) {
  const lab = testModel(pageSnapshot());
  return { lab, deps: { view: pageView, model: lab.model, excluded: () => excluded } };
}

describe("clusterDetail", () => {
  it("east: its gateway with address and ready pods, the workspace spanning it, objects per kind", async () => {
    const { deps: d } = deps();
    const detail = await clusterDetail(d, "east");
    expect(detail.status.cluster).toBe("east");
    expect(detail).toMatchObject({ known: true, lastKnown: false, workspaces: [{ name: "bookinfo-ws", namespaces: ["bookinfo"] }] });
    expect(detail.gateways).toEqual([
      expect.objectContaining({ cluster: "east", namespace: "bookinfo", name: "eastwest-gateway", pods: { ready: 1, total: 2, crashLooping: 0 }, service: { type: "LoadBalancer", addresses: ["203.0.113.10"], has15443: true } }),
    ]);
    const kinds = Object.fromEntries(detail.kinds.map((k) => [k.kind, k.count]));
    expect(kinds).toMatchObject({ Namespace: 1, Service: 2, Pod: 2, IngressGateway: 1, ServiceEntry: 0 });
    // Workspaces live on the management cluster only: not a kind of east.
    expect(kinds).not.toHaveProperty("Workspace");
  });

  it.each([
    ["west (management): its own kinds include Workspaces; no gateway", "west", { known: true, lastKnown: false, gateways: [], workspaces: [{ name: "bookinfo-ws", namespaces: ["bookinfo"] }] }],
    // Unreachable: the last known objects, said to be so; a workspace covering a namespace it had still spans it.
    ["north (stale, unreachable): last known", "north", { known: true, lastKnown: true, gateways: [], workspaces: [{ name: "bookinfo-ws", namespaces: ["bookinfo"] }] }],
  ])("%s", async (_, name, expected) => {
    const detail = await clusterDetail(deps().deps, name);
    expect(detail).toMatchObject(expected);
    expect(detail.kinds.some((k) => k.kind === "Workspace")).toBe(name === "west");
  });

  it("a cluster never synced says its objects are unknown", async () => {
    const { lab } = deps();
    const view = () => ({ ...pageView(), clusters: [statusOf("north", { down: true, sync: "stale", everSynced: false })] });
    const detail = await clusterDetail({ view, model: lab.model }, "north");
    expect(detail).toMatchObject({ known: false, lastKnown: true });
  });

  it.each([
    ["unknown", [], /^No cluster named "mars" in the kubeconfig \(known: west, east, north\)\.$/],
    ["excluded by EASTWEST_CONTEXTS", ["mars"], /"mars" is in the kubeconfig but excluded by EASTWEST_CONTEXTS/],
  ])("%s cluster → NotFound on the field cluster", async (_, excluded, message) => {
    const error: unknown = await clusterDetail(deps(excluded).deps, "mars").then(() => undefined, (e: unknown) => e);
    expect(error).toMatchObject({ tag: "eastwest.NotFound", field: "cluster", message: expect.stringMatching(message) });
  });

  it("is computed once per change of the cluster: repeated loads reuse it, a change recomputes it", async () => {
    const { lab, deps: d } = deps();
    const first = await clusterDetail(d, "east");
    const computed = viewMemoOf(lab.model).computed();
    const again = await clusterDetail(d, "east");
    expect(again.gateways).toBe(first.gateways);
    expect(viewMemoOf(lab.model).computed()).toBe(computed);
    // east loses its gateway; west and north are the same objects as before.
    const next = pageSnapshot();
    lab.publish({ ...next, revision: 2, clusters: next.clusters.map((c) => (c.name === "east" ? clusterSnapshot("east", []) : c)) });
    await lab.model.settled();
    const after = await clusterDetail(d, "east");
    expect(after.gateways).toEqual([]);
    expect(viewMemoOf(lab.model).computed()).toBeGreaterThan(computed);
  });
});
