// Writes through the Kubernetes API of lab clusters (plain HTTP with the kubeconfig's bearer token), as any
// client would: each write creates one ServiceEntry, which raises that cluster's ServiceEntries count by one.
import { readFile } from "node:fs/promises";
import { parse } from "yaml";

export type LabTarget = { name: string; url: string; token: string | undefined };

type KubeconfigDoc = {
  clusters?: Array<{ name: string; cluster: { server: string } }>;
  users?: Array<{ name: string; user?: { token?: string } }>;
  contexts?: Array<{ name: string; context: { cluster: string; user: string } }>;
};

export async function labTargets(kubeconfig: string): Promise<LabTarget[]> {
  const doc = parse(await readFile(kubeconfig, "utf8")) as KubeconfigDoc;
  return (doc.contexts ?? []).map((ctx) => ({
    name: ctx.name,
    // The lab answers HTTPS (a CA made at each start, so the kubeconfig skips verification) and plain HTTP on the
    // same port; Node's fetch refuses the unverified certificate, and the token is checked on either.
    url: (doc.clusters?.find((c) => c.name === ctx.context.cluster)?.cluster.server ?? "").replace(/^https:\/\//, "http://"),
    token: doc.users?.find((u) => u.name === ctx.context.user)?.user?.token,
  }));
}

let serial = 0;

/** Creates a ServiceEntry in `xcp-multicluster`; resolves with the time the request was sent (epoch ms). */
export async function writeServiceEntry(target: LabTarget): Promise<number> {
  serial += 1;
  const name = `bench-${process.pid}-${serial}`;
  const body = {
    apiVersion: "networking.istio.io/v1",
    kind: "ServiceEntry",
    metadata: { name, namespace: "xcp-multicluster" },
    spec: { hosts: [`${name}.bench.local`], location: "MESH_INTERNAL", resolution: "STATIC", ports: [{ name: "http", number: 80, protocol: "HTTP" }] },
  };
  const sentAt = performance.timeOrigin + performance.now();
  const res = await fetch(`${target.url}/apis/networking.istio.io/v1/namespaces/xcp-multicluster/serviceentries`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(target.token ? { Authorization: `Bearer ${target.token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`create ServiceEntry in ${target.name}: HTTP ${res.status}`);
  return sentAt;
}
