// Issue #15 ReplicaSets through kubectl: Deployments own ReplicaSets (`<deployment>-<pod-template-hash>`) which own
// the pods; `kubectl rollout history/status/undo` read and write them as against a real cluster, and
// `kubectl delete deploy --cascade=orphan` leaves the ReplicaSet and its pods running.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kubectl, startTestLab, table, waitFor, type LabFixture } from "./fixture";

let fx: LabFixture;
beforeAll(async () => {
  fx = await startTestLab();
});
afterAll(async () => {
  await fx.close();
});

const NS = ["-n", "bookinfo"];
const json = async <T>(args: string[]): Promise<T> => JSON.parse((await kubectl(fx, [...args, ...NS, "-o", "json"])).stdout) as T;
type Meta = { name: string; uid: string; annotations?: Record<string, string>; labels?: Record<string, string>; ownerReferences?: Array<{ kind: string; name: string; uid: string }> };
type Obj = { metadata: Meta; spec: { replicas?: number; template: { spec: { containers: Array<{ image: string }> } } }; status?: Record<string, number> };
const setsOf = async (app: string): Promise<Obj[]> => (await json<{ items: Obj[] }>(["get", "rs", "-l", `app=${app}`])).items;

describe("Deployments own ReplicaSets own Pods", () => {
  it("the ReplicaSet is <deployment>-<hash>, revision 1, controlled by the Deployment; the pods by the ReplicaSet", async () => {
    const deploy = await json<Obj>(["get", "deploy", "details-v1"]);
    const [rs, ...more] = await setsOf("details");
    expect(more).toEqual([]);
    const hash = rs?.metadata.labels?.["pod-template-hash"] ?? "";
    expect(rs?.metadata.name).toBe(`details-v1-${hash}`);
    expect(rs?.metadata.annotations).toMatchObject({ "deployment.kubernetes.io/revision": "1", "deployment.kubernetes.io/desired-replicas": "1", "deployment.kubernetes.io/max-replicas": "2" });
    expect(rs?.metadata.ownerReferences).toEqual([expect.objectContaining({ kind: "Deployment", name: "details-v1", uid: deploy.metadata.uid, controller: true, blockOwnerDeletion: true })]);
    expect(deploy.metadata.annotations?.["deployment.kubernetes.io/revision"]).toBe("1");
    const pods = (await json<{ items: Obj[] }>(["get", "pods", "-l", `app=details,pod-template-hash=${hash}`])).items;
    expect(pods).toHaveLength(1);
    expect(pods[0]?.metadata.name).toMatch(new RegExp(`^details-v1-${hash}-[a-z0-9]{5}$`));
    expect(pods[0]?.metadata.ownerReferences).toEqual([expect.objectContaining({ kind: "ReplicaSet", name: rs?.metadata.name, uid: rs?.metadata.uid })]);
    const got = table((await kubectl(fx, ["get", "rs", "-l", "app=details", ...NS])).stdout);
    expect(got[1]?.[0]).toBe(rs?.metadata.name);
  });

  it("rollout history lists revision 1 with no change cause", async () => {
    const res = await kubectl(fx, ["rollout", "history", "deploy/details-v1", ...NS]);
    expect(res.stderr).toBe("");
    expect(res.stdout).toBe("deployment.apps/details-v1 \nREVISION  CHANGE-CAUSE\n1         <none>\n\n");
  });

  it("set image rolls out a second ReplicaSet; rollout status waits for it; history shows the change cause", async () => {
    await kubectl(fx, ["annotate", "deploy/details-v1", ...NS, "kubernetes.io/change-cause=image v2"]);
    const set = await kubectl(fx, ["set", "image", "deploy/details-v1", ...NS, "details=docker.io/istio/examples-bookinfo-details-v2:1.20.2"]);
    expect(set.stdout).toBe("deployment.apps/details-v1 image updated\n");
    const status = await kubectl(fx, ["rollout", "status", "deploy/details-v1", ...NS, "--timeout=60s"]);
    expect(status.stdout).toContain('deployment "details-v1" successfully rolled out\n');
    const sets = await setsOf("details");
    expect(sets.map((rs) => [rs.metadata.annotations?.["deployment.kubernetes.io/revision"], rs.spec.replicas]).sort()).toEqual([["1", 0], ["2", 1]]);
    const history = await kubectl(fx, ["rollout", "history", "deploy/details-v1", ...NS]);
    expect(history.stdout).toBe("deployment.apps/details-v1 \nREVISION  CHANGE-CAUSE\n1         <none>\n2         image v2\n\n");
    const two = await kubectl(fx, ["rollout", "history", "deploy/details-v1", ...NS, "--revision=2"]);
    expect(two.stdout).toContain("deployment.apps/details-v1 with revision #2");
    expect(two.stdout).toContain("docker.io/istio/examples-bookinfo-details-v2:1.20.2");
  });

  it("rollout undo brings revision 1's ReplicaSet back as revision 3 (revision-history 1)", async () => {
    const undo = await kubectl(fx, ["rollout", "undo", "deploy/details-v1", ...NS]);
    expect(undo.stderr).toBe("");
    expect(undo.stdout).toBe("deployment.apps/details-v1 rolled back\n");
    await kubectl(fx, ["rollout", "status", "deploy/details-v1", ...NS, "--timeout=60s"]);
    const sets = await setsOf("details");
    const back = sets.find((rs) => rs.metadata.annotations?.["deployment.kubernetes.io/revision"] === "3");
    expect(back?.metadata.annotations?.["deployment.kubernetes.io/revision-history"]).toBe("1");
    expect(back?.spec.replicas).toBe(1);
    expect(back?.spec.template.spec.containers[0]?.image).not.toContain("details-v2");
    const history = await kubectl(fx, ["rollout", "history", "deploy/details-v1", ...NS]);
    expect(table(history.stdout).slice(2).map((r) => r[0])).toEqual(["2", "3"]);
    const again = await kubectl(fx, ["rollout", "undo", "deploy/details-v1", ...NS, "--to-revision=3"]);
    expect(again.stdout).toBe("deployment.apps/details-v1 skipped rollback (current template already matches revision 3)\n");
    const missing = await kubectl(fx, ["rollout", "undo", "deploy/details-v1", ...NS, "--to-revision=9"]);
    expect(missing.stderr).toContain("unable to find specified revision 9 in history");
  });

  it("delete --cascade=orphan leaves the ReplicaSet and its pods, no longer owned", async () => {
    const before = await setsOf("ratings");
    const podsBefore = (await json<{ items: Obj[] }>(["get", "pods", "-l", "app=ratings"])).items.map((p) => p.metadata.name);
    expect(podsBefore).toHaveLength(1);
    const res = await kubectl(fx, ["delete", "deploy", "ratings-v1", ...NS, "--cascade=orphan"]);
    expect(res.stdout).toBe('deployment.apps "ratings-v1" deleted\n');
    await waitFor("deployment gone", async () => ((await kubectl(fx, ["get", "deploy", "ratings-v1", ...NS])).code !== 0 ? true : undefined));
    const after = await setsOf("ratings");
    expect(after.map((rs) => rs.metadata.uid)).toEqual(before.map((rs) => rs.metadata.uid));
    expect(after[0]?.metadata.ownerReferences).toBeUndefined();
    const podsAfter = (await json<{ items: Obj[] }>(["get", "pods", "-l", "app=ratings"])).items;
    expect(podsAfter.map((p) => p.metadata.name)).toEqual(podsBefore);
    expect(podsAfter[0]?.metadata.ownerReferences?.[0]).toMatchObject({ kind: "ReplicaSet", uid: before[0]?.metadata.uid });
  });

  it("a Deployment created again adopts the orphaned ReplicaSet (same template: no new pods)", async () => {
    const [orphan] = await setsOf("ratings");
    const podsBefore = (await json<{ items: Obj[] }>(["get", "pods", "-l", "app=ratings"])).items.map((p) => p.metadata.name);
    const manifest = { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "ratings-v1", namespace: "bookinfo", labels: orphan?.metadata.labels }, spec: {} };
    const labels = { ...orphan?.metadata.labels };
    delete labels["pod-template-hash"];
    const template = JSON.parse(JSON.stringify(orphan?.spec.template)) as { metadata: { labels: Record<string, string> } };
    template.metadata.labels = labels;
    manifest.metadata.labels = labels;
    manifest.spec = { replicas: 1, selector: { matchLabels: labels }, template };
    const created = await kubectl(fx, ["create", "-f", "-"], { input: JSON.stringify(manifest) });
    expect(created.stdout).toBe("deployment.apps/ratings-v1 created\n");
    await kubectl(fx, ["rollout", "status", "deploy/ratings-v1", ...NS, "--timeout=60s"]);
    const deploy = await json<Obj>(["get", "deploy", "ratings-v1"]);
    const sets = await setsOf("ratings");
    expect(sets.map((rs) => rs.metadata.uid)).toEqual([orphan?.metadata.uid]);
    expect(sets[0]?.metadata.ownerReferences).toEqual([expect.objectContaining({ kind: "Deployment", uid: deploy.metadata.uid, controller: true })]);
    expect((await json<{ items: Obj[] }>(["get", "pods", "-l", "app=ratings"])).items.map((p) => p.metadata.name)).toEqual(podsBefore);
  });

  it("delete --cascade=foreground returns only once the ReplicaSet and every pod (Terminating included) are gone", async () => {
    expect(await setsOf("productpage")).toHaveLength(1);
    const res = await kubectl(fx, ["delete", "deploy", "productpage-v1", ...NS, "--cascade=foreground"]);
    expect(res.stdout).toBe('deployment.apps "productpage-v1" deleted\n');
    expect(await setsOf("productpage")).toEqual([]);
    expect((await json<{ items: Obj[] }>(["get", "pods", "-l", "app=productpage"])).items).toEqual([]);
  });
});
