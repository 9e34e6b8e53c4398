// Pod graceful deletion over HTTP: DeleteOptions.gracePeriodSeconds from the query or the body, as kubectl sends it
// (`kubectl delete --grace-period=N` puts it in the body; `--force --grace-period=0` removes the pod at once).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startLab, type Lab } from "../conformance/harness";

let lab: Lab;
beforeEach(async () => {
  lab = await startLab();
});
afterEach(() => lab.close());

const PODS = "/api/v1/namespaces/default/pods";
// Bound to a node no kubelet runs here: a deleted pod stays Terminating, as on a cluster whose node is gone.
const pod = (name: string, grace?: number) => ({
  apiVersion: "v1", kind: "Pod", metadata: { name },
  spec: { nodeName: "node-1", containers: [{ name: "c", image: "i" }], ...(grace === undefined ? {} : { terminationGracePeriodSeconds: grace }) },
});
const meta = (body: Record<string, unknown>) => body.metadata as { deletionTimestamp?: string; deletionGracePeriodSeconds?: number };

describe("DELETE of a pod", () => {
  it("without options: Terminating for spec.terminationGracePeriodSeconds (30 when unset), the pod answered and kept", async () => {
    await lab.call("POST", PODS, pod("p"));
    await lab.call("POST", PODS, pod("q", 7));
    const before = Date.now();
    const reply = await lab.call("DELETE", `${PODS}/p`);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ kind: "Pod", metadata: { name: "p", deletionGracePeriodSeconds: 30 } });
    expect(Date.parse(meta(reply.body).deletionTimestamp ?? "")).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 30_000);
    expect((await lab.call("GET", `${PODS}/p`)).status).toBe(200);
    expect(meta((await lab.call("DELETE", `${PODS}/q`)).body).deletionGracePeriodSeconds).toBe(7);
  });

  it.each([
    ["the query", "?gracePeriodSeconds=0", undefined],
    ["the body (kubectl --force --grace-period=0)", "", { kind: "DeleteOptions", apiVersion: "v1", gracePeriodSeconds: 0, propagationPolicy: "Background" }],
  ])("gracePeriodSeconds 0 in %s removes it at once", async (_where, query, body) => {
    await lab.call("POST", PODS, pod("p"));
    const reply = await lab.call("DELETE", `${PODS}/p${query}`, body);
    expect(reply.status).toBe(200);
    expect((await lab.call("GET", `${PODS}/p`)).status).toBe(404);
  });

  it("a later, shorter grace period shortens the pending deletion; a longer one changes nothing", async () => {
    await lab.call("POST", PODS, pod("p"));
    const first = meta((await lab.call("DELETE", `${PODS}/p`, { gracePeriodSeconds: 20 })).body);
    const shorter = meta((await lab.call("DELETE", `${PODS}/p?gracePeriodSeconds=5`)).body);
    expect(shorter.deletionGracePeriodSeconds).toBe(5);
    expect(Date.parse(shorter.deletionTimestamp ?? "") - Date.parse(first.deletionTimestamp ?? "")).toBe(-15_000);
    const longer = meta((await lab.call("DELETE", `${PODS}/p?gracePeriodSeconds=60`)).body);
    expect(longer).toMatchObject(shorter);
  });

  it("an unscheduled pod has no kubelet to wait for: removed at once", async () => {
    await lab.call("POST", PODS, { apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, spec: { containers: [{ name: "c", image: "i" }] } });
    await lab.call("DELETE", `${PODS}/p`);
    expect((await lab.call("GET", `${PODS}/p`)).status).toBe(404);
  });

  it("a gracePeriodSeconds that is not an integer → 400", async () => {
    await lab.call("POST", PODS, pod("p"));
    const reply = await lab.call("DELETE", `${PODS}/p?gracePeriodSeconds=soon`);
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ kind: "Status", reason: "BadRequest" });
  });

  it("a collection delete passes the grace period on to each pod", async () => {
    await lab.call("POST", PODS, pod("a"));
    await lab.call("POST", PODS, pod("b"));
    expect((await lab.call("DELETE", `${PODS}?gracePeriodSeconds=0`)).status).toBe(200);
    expect((await lab.call("GET", PODS)).body.items).toEqual([]);
  });
});
