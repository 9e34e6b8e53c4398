// Issue 15, protobuf: kubectl's typed `create` commands send application/vnd.kubernetes.protobuf, which a real
// cluster accepts for every built-in kind. For each command, what the lab decoded (the --dry-run=server answer)
// must contain everything kubectl meant to send (its --dry-run=client object): a wrong field number, a dropped
// zero (replicas 0) or an IntOrString read the wrong way shows up as a difference. Kinds without protobuf (custom
// resources) are 415, a body without the "k8s\0" magic 400, as upstream.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kubectl, startTestLab, type LabFixture } from "./fixture";
import { startLab, type Lab } from "./harness";

let fx: LabFixture;
beforeAll(async () => {
  fx = await startTestLab();
});
afterAll(async () => {
  await fx.close();
});

/** Drops nulls and empty objects/lists, which JSON and protobuf spell differently and the server may default. */
function meant(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(meant);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(value)) {
    const v = meant(raw);
    const empty = v === null || v === undefined || (typeof v === "object" && Object.keys(v).length === 0);
    if (!empty) out[key] = v;
  }
  return out;
}

async function createBoth(args: string[], after: string[] = []): Promise<{ client: unknown; server: Record<string, unknown> }> {
  const run = async (mode: string) => {
    const res = await kubectl(fx, ["create", ...args, "-n", "default", `--dry-run=${mode}`, "-o", "json", ...after]);
    expect(res.stderr, `${mode}: ${args.join(" ")}`).toBe("");
    return JSON.parse(res.stdout) as Record<string, unknown>;
  };
  return { client: meant(await run("client")), server: await run("server") };
}

describe("issue 15 protobuf from kubectl create", () => {
  it("kubectl sends protobuf for typed creates", async () => {
    const res = await kubectl(fx, ["create", "deployment", "proto-check", "--image=nginx", "-n", "default", "-v=8"]);
    expect(res.code).toBe(0);
    expect(res.stderr).toMatch(/Content-Type: application\/vnd\.kubernetes\.protobuf/);
    expect(res.stdout).toBe("deployment.apps/proto-check created\n");
  });

  it.each([
    ["deployment", ["deployment", "web", "--image=nginx:1.27", "--port=8080", "--replicas=3"], []],
    ["deployment with replicas 0 and a command", ["deployment", "zero", "--image=nginx", "--replicas=0"], ["--", "/bin/sh", "-c", "sleep 1"]],
    ["service clusterip, named target port", ["service", "clusterip", "named", "--tcp=5678:http", "--tcp=53:5353"], []],
    ["service clusterip headless", ["service", "clusterip", "headless", "--clusterip=None"], []],
    ["service nodeport", ["service", "nodeport", "np", "--tcp=80:8080", "--node-port=30080"], []],
    ["service loadbalancer", ["service", "loadbalancer", "lb", "--tcp=443:8443"], []],
    ["service externalname", ["service", "externalname", "ext", "--external-name=example.com"], []],
    ["serviceaccount", ["serviceaccount", "robot"], []],
    ["role", ["role", "reader", "--verb=get,list", "--resource=pods", "--resource-name=a"], []],
    ["rolebinding", ["rolebinding", "rb", "--role=reader", "--user=alice", "--group=devs", "--serviceaccount=default:robot"], []],
    ["clusterrole", ["clusterrole", "health", "--verb=get", "--non-resource-url=/healthz"], []],
    ["clusterrolebinding", ["clusterrolebinding", "crb", "--clusterrole=health", "--user=bob"], []],
    ["poddisruptionbudget (int)", ["pdb", "pdb-int", "--selector=app=x", "--min-available=1"], []],
    ["poddisruptionbudget (percent)", ["pdb", "pdb-pct", "--selector=app=x,tier in (a,b)", "--max-unavailable=20%"], []],
    ["secret", ["secret", "generic", "s1", "--from-literal=a=b"], []],
    ["configmap", ["configmap", "c1", "--from-literal=a=b"], []],
  ])("%s: the server decodes everything kubectl sent", async (_name, args, after) => {
    const { client, server } = await createBoth(args, after);
    expect(server).toMatchObject(client as Record<string, unknown>);
  });

  it("kubectl create deployment x --image=nginx then kubectl create service clusterip: both stored", async () => {
    expect((await kubectl(fx, ["create", "deployment", "x", "--image=nginx", "-n", "default"])).stdout).toBe("deployment.apps/x created\n");
    expect((await kubectl(fx, ["create", "service", "clusterip", "x", "--tcp=80:8080", "-n", "default"])).stdout).toBe("service/x created\n");
    const svc = JSON.parse((await kubectl(fx, ["get", "svc", "x", "-n", "default", "-o", "json"])).stdout) as Record<string, unknown>;
    expect(svc).toMatchObject({ spec: { type: "ClusterIP", selector: { app: "x" }, ports: [{ name: "80-8080", port: 80, targetPort: 8080, protocol: "TCP" }] } });
  });
});

describe("issue 15 protobuf refusals", () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await startLab();
  });
  afterAll(async () => {
    await lab.close();
  });

  const PROTO = { "Content-Type": "application/vnd.kubernetes.protobuf" };

  it("a body without the k8s magic → 400 BadRequest", async () => {
    const reply = await lab.call("POST", "/api/v1/namespaces/default/configmaps", "{}", PROTO);
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ kind: "Status", reason: "BadRequest", code: 400, message: "provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]" });
  });

  it("a custom resource in protobuf → 415 UnsupportedMediaType", async () => {
    // "k8s\0" + runtime.Unknown{typeMeta{apiVersion, kind}} for networking.istio.io/v1 ServiceEntry.
    const typeMeta = Buffer.concat([field(1, "networking.istio.io/v1"), field(2, "ServiceEntry")]);
    const body = Buffer.concat([Buffer.from("k8s\u0000", "latin1"), field(1, typeMeta), field(2, Buffer.alloc(0))]);
    const res = await fetch(`${lab.url}/apis/networking.istio.io/v1/namespaces/default/serviceentries`, { method: "POST", headers: PROTO, body });
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({ kind: "Status", reason: "UnsupportedMediaType", code: 415 });
  });
});

/** One length-delimited protobuf field (wire type 2); lengths here stay under 128. */
function field(number: number, value: string | Buffer): Buffer {
  const bytes = typeof value === "string" ? Buffer.from(value, "utf8") : value;
  return Buffer.concat([Buffer.from([(number << 3) | 2, bytes.length]), bytes]);
}
