// Nodes as kubectl shows them: each lab cluster's kubelet registers one Node carrying the cloud's topology labels,
// every pod is bound to it (spec.nodeName), and — as in Kubernetes 1.32 — no pod carries the node's topology
// labels, so whoever needs a pod's locality reads its Node.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kubectl, startTestLab, table, type LabFixture } from "./fixture";

let fx: LabFixture;
beforeAll(async () => {
  fx = await startTestLab();
});
afterAll(async () => {
  await fx.close();
});

describe("nodes", () => {
  it.each(["west", "east", "north"])("kubectl get nodes in %s: one Ready node in the cluster's own region", async (cluster) => {
    const [header, ...rows] = table((await kubectl(fx, ["get", "nodes", "-L", "topology.kubernetes.io/region,topology.kubernetes.io/zone"], { context: cluster })).stdout);
    expect(header).toEqual(["NAME", "STATUS", "ROLES", "AGE", "VERSION", "REGION", "ZONE"]);
    expect(rows).toHaveLength(1);
    const [name, status, roles, age, version, region, zone] = rows[0] ?? [];
    expect([name, status, roles, version, region, zone]).toEqual([`${cluster}-node-1`, "Ready", "<none>", "v1.32.4", `lab-${cluster}`, `lab-${cluster}-a`]);
    expect(age).toMatch(/^\d+[smh]/);
  });

  it("kubectl get nodes -o wide prints the node's address and software", async () => {
    const [header, row] = table((await kubectl(fx, ["get", "no", "-o", "wide"])).stdout);
    expect(header?.slice(5, 8)).toEqual(["INTERNAL-IP", "EXTERNAL-IP", "OS-IMAGE"]);
    expect(row?.slice(5, 7)).toEqual(["172.18.0.2", "<none>"]);
  });

  it("every pod is bound to a registered node and carries no topology label", async () => {
    const pods = JSON.parse((await kubectl(fx, ["get", "pods", "-A", "-o", "json"])).stdout) as {
      items: Array<{ metadata: { name: string; labels?: Record<string, string> }; spec: { nodeName?: string } }>;
    };
    expect(pods.items.length).toBeGreaterThan(0);
    expect(new Set(pods.items.map((p) => p.spec.nodeName))).toEqual(new Set(["west-node-1"]));
    expect(pods.items.flatMap((p) => Object.keys(p.metadata.labels ?? {}).filter((k) => k.startsWith("topology.")))).toEqual([]);
    const onNode = table((await kubectl(fx, ["get", "pods", "-A", "--field-selector", "spec.nodeName=west-node-1", "-o", "name"])).stdout);
    expect(onNode).toHaveLength(pods.items.length);
  });
});
