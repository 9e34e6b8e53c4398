// P1-14: kubectl works unchanged against a lab context — get (-A, -l, -n, -o yaml|json|wide, -w), apply (client-side
// and --server-side), scale, delete (waiting for finalizers), wait, logs — and fails like against a real cluster.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { kubectl, startKubectl, startTestLab, table, waitFor, writeManifest, type LabFixture } from "./fixture";

let fx: LabFixture;
beforeAll(async () => {
  fx = await startTestLab();
});
afterAll(async () => {
  await fx.close();
});

const podsOf = async (deployment: string): Promise<string[]> => {
  const res = await kubectl(fx, ["get", "pods", "-n", "bookinfo", "-l", `app=${deployment.replace(/-v\d$/, "")}`, "-o", "name"]);
  return res.stdout.trim().split("\n").filter((l) => l.startsWith("pod/"));
};

describe("P1-14 kubectl verbs", () => {
  it("P1-14 get -o json / -o yaml / -o wide", async () => {
    const json = await kubectl(fx, ["get", "deploy", "details-v1", "-n", "bookinfo", "-o", "json"]);
    const obj = JSON.parse(json.stdout) as { kind: string; status: { readyReplicas: number } };
    expect(obj.kind).toBe("Deployment");
    expect(obj.status.readyReplicas).toBe(1);
    const yaml = await kubectl(fx, ["get", "svc", "details", "-n", "bookinfo", "-o", "yaml"]);
    expect(parse(yaml.stdout)).toMatchObject({ kind: "Service", spec: { ports: [{ name: "http", port: 9080 }], selector: { app: "details" } } });
    const wide = await kubectl(fx, ["get", "pods", "-n", "bookinfo", "-l", "app=details", "-o", "wide"]);
    const [header, row] = table(wide.stdout);
    expect(header?.slice(0, 8)).toEqual(["NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP", "NODE", "NOMINATED"]);
    expect(row?.[5]).toMatch(/^10\.244\.\d+\.\d+$/);
    expect(row?.[6]).toBe("west-node-1");
  });

  it("P1-14 get -A spans namespaces and -l filters", async () => {
    const res = await kubectl(fx, ["get", "deploy", "-A", "-l", "app=reviews"]);
    const [header, ...rows] = table(res.stdout);
    expect(header).toEqual(["NAMESPACE", "NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"]);
    expect(rows.map((r) => r.slice(0, 5))).toEqual(["v1", "v2", "v3"].map((v) => ["bookinfo", `reviews-${v}`, "1/1", "1", "1"]));
  });

  it("P1-14 get -w prints the current rows, then changes", async () => {
    const watch = startKubectl(fx, ["get", "configmaps", "-n", "bookinfo", "-w"]);
    try {
      const first = await watch.until((out) => out.includes("kube-root-ca.crt"));
      expect(first.split("\n")[0]).toMatch(/^NAME\s+DATA\s+AGE/);
      expect(first).not.toContain("watched-cm");
      const manifest = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: watched-cm\n  namespace: bookinfo\ndata:\n  a: b\n";
      const created = await kubectl(fx, ["create", "-f", await writeManifest(fx, "watched.yaml", manifest)]);
      expect(created.stdout).toBe("configmap/watched-cm created\n");
      const out = await watch.until((text) => text.includes("watched-cm"));
      expect(out).toMatch(/watched-cm\s+1\s+\d+s/);
    } finally {
      watch.stop();
    }
  });

  it("P1-14 apply --server-side creates, re-applies unchanged, and reports conflicts", async () => {
    const cm = (value: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ssa-cm\n  namespace: bookinfo\ndata:\n  key: ${value}\n`;
    const file = await writeManifest(fx, "ssa.yaml", cm("one"));
    const created = await kubectl(fx, ["apply", "--server-side", "-f", file]);
    expect(created.stdout).toBe("configmap/ssa-cm serverside-applied\n");
    const again = await kubectl(fx, ["apply", "--server-side", "-f", file]);
    expect(again.stdout).toBe("configmap/ssa-cm serverside-applied\n");
    const other = await writeManifest(fx, "ssa2.yaml", cm("two"));
    const conflict = await kubectl(fx, ["apply", "--server-side", "--field-manager", "someone-else", "-f", other]);
    expect(conflict.code).not.toBe(0);
    expect(conflict.stderr).toContain("conflict");
    expect(conflict.stderr).toContain(".data.key");
    const forced = await kubectl(fx, ["apply", "--server-side", "--force-conflicts", "--field-manager", "someone-else", "-f", other]);
    expect(forced.stdout).toBe("configmap/ssa-cm serverside-applied\n");
  });

  it("P1-14 scale + wait --for=condition=Available", async () => {
    const scaled = await kubectl(fx, ["scale", "deployment", "details-v1", "-n", "bookinfo", "--replicas=3"]);
    expect(scaled.stdout).toBe("deployment.apps/details-v1 scaled\n");
    await waitFor("3 details pods", async () => ((await podsOf("details-v1")).length === 3 ? true : undefined));
    const waited = await kubectl(fx, ["wait", "-n", "bookinfo", "--for=jsonpath={.status.readyReplicas}=3", "deployment/details-v1", "--timeout=30s"]);
    expect(waited.stdout).toBe("deployment.apps/details-v1 condition met\n");
    const available = await kubectl(fx, ["wait", "-n", "bookinfo", "--for=condition=Available", "deployment/details-v1", "--timeout=30s"]);
    expect(available.stdout).toBe("deployment.apps/details-v1 condition met\n");
    await kubectl(fx, ["scale", "deployment", "details-v1", "-n", "bookinfo", "--replicas=1"]);
    await waitFor("1 details pod", async () => ((await podsOf("details-v1")).length === 1 ? true : undefined));
  });

  it("P1-14 delete waits for finalizers", async () => {
    const cm = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: held\n  namespace: bookinfo\n  finalizers: [example.com/hold]\n";
    await kubectl(fx, ["apply", "-f", await writeManifest(fx, "held.yaml", cm)]);
    const deleting = kubectl(fx, ["delete", "configmap", "held", "-n", "bookinfo", "--timeout=30s"]);
    await waitFor("deletionTimestamp", async () => {
      const res = await kubectl(fx, ["get", "configmap", "held", "-n", "bookinfo", "-o", "jsonpath={.metadata.deletionTimestamp}"]);
      return res.stdout !== "" ? true : undefined;
    });
    const patched = await kubectl(fx, ["patch", "configmap", "held", "-n", "bookinfo", "--type=merge", "-p", '{"metadata":{"finalizers":null}}']);
    expect(patched.code).toBe(0);
    const res = await deleting;
    expect(res.stdout).toBe('configmap "held" deleted\n');
    const gone = await kubectl(fx, ["get", "configmap", "held", "-n", "bookinfo"]);
    expect(gone.stderr).toBe('Error from server (NotFound): configmaps "held" not found\n');
  });

  it("P1-14 logs of a pod and of a deployment", async () => {
    const [pod] = await podsOf("ratings-v1");
    const byPod = await kubectl(fx, ["logs", "-n", "bookinfo", pod ?? ""]);
    expect(byPod.code).toBe(0);
    expect(byPod.stdout).toContain(`bookinfo/${(pod ?? "").replace("pod/", "")}`);
    const byDeploy = await kubectl(fx, ["logs", "-n", "bookinfo", "deploy/ratings-v1"]);
    expect(byDeploy.stdout).toBe(byPod.stdout);
    const missing = await kubectl(fx, ["logs", "-n", "bookinfo", "no-such-pod"]);
    expect(missing.stderr).toContain('pods "no-such-pod" not found');
  });

  it("P1-14 delete of a Deployment garbage-collects its pods", async () => {
    const res = await kubectl(fx, ["delete", "deployment", "ratings-v1", "-n", "bookinfo"]);
    expect(res.stdout).toBe('deployment.apps "ratings-v1" deleted\n');
    await waitFor("ratings pods gone", async () => ((await podsOf("ratings-v1")).length === 0 ? true : undefined));
  });

  it("P1-14 a missing kubeconfig and an unreachable cluster fail as kubectl does", async () => {
    const missing = await kubectl(fx, ["--kubeconfig", `${fx.dir}/nope`, "get", "pods"], { context: null });
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain("no such file or directory");
    const url = fx.lab.clusters[0]?.url ?? "";
    await fx.lab.setFault("west", { mode: "refuse" });
    try {
      const refused = await kubectl(fx, ["get", "pods"], { timeoutMs: 30_000 });
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toContain(`The connection to the server ${url.replace("http://", "")} was refused - did you specify the right host or port?`);
    } finally {
      await fx.lab.setFault("west", { mode: "none" });
    }
    const back = await kubectl(fx, ["get", "ns", "bookinfo", "-o", "name"]);
    expect(back.stdout).toBe("namespace/bookinfo\n");
  });
});
