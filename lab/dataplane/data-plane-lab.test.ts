// startLab with its data plane, end to end in one process: a request from west to productpage is served by west's
// own pod (which calls details and reviews through west's mesh client), the demo's steady load shows in every
// cluster's metrics within a few seconds, the admin endpoint sends requests, and stopping the lab gives its
// loopback block back. A lab started without a data plane says so instead of pretending.
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startLab, type Lab } from "../start";
import { CLAIM_PORT } from "./address-block";

const dirs: string[] = [];
async function tempKubeconfig(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "lab-dataplane-"));
  dirs.push(dir);
  return join(dir, "kubeconfig");
}

afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe("startLab with its data plane (demo)", () => {
  let lab: Lab;
  let stopped = false;
  beforeAll(async () => {
    lab = await startLab({ scenario: "demo", portBase: 0, adminPort: 0, kubeconfigPath: await tempKubeconfig(), podReadyDelayMs: 20 });
  }, 60_000);
  afterAll(async () => {
    if (!stopped) await lab?.stop();
  });

  it("serves west's productpage from west, with the headers of the pod that answered", async () => {
    const results = await lab.dataPlane.request("west", { url: "http://productpage.bookinfo:9080/", namespace: "bookinfo", count: 3 });
    expect(results).toHaveLength(3);
    for (const r of results) expect(r, JSON.stringify(r)).toMatchObject({ status: 200, servedByCluster: "west", servedByPod: expect.stringMatching(/^productpage-v1-/), error: null });
  });

  it("sends the same through the admin endpoint", async () => {
    const res = await fetch(`${lab.adminUrl}/clusters/east/request`, {
      method: "POST",
      headers: { Authorization: `Bearer ${lab.adminToken}` },
      body: JSON.stringify({ url: "http://details.bookinfo.svc.cluster.local:9080/", namespace: "bookinfo", count: 2 }),
    });
    expect(res.status).toBe(200);
    const { results } = (await res.json()) as { results: Array<{ status: number; servedByCluster: string }> };
    expect(results.map((r) => `${r.status} ${r.servedByCluster}`)).toEqual(["200 east", "200 east"]);
  });

  it("lists each cluster's metrics endpoint, where the demo's load shows up on its own", async () => {
    const clusters = (await (await fetch(`${lab.adminUrl}/clusters`, { headers: { Authorization: `Bearer ${lab.adminToken}` } })).json()) as Array<{ name: string; metricsUrl: string }>;
    expect(clusters.map((c) => [c.name, c.metricsUrl])).toEqual(Object.entries(lab.dataPlane.metricsUrls));
    // Each cluster's demo client calls productpage, reported by its sidecar. (north's calls to details report
    // nothing yet: without a ServiceEntry the name does not resolve, so no request ever reaches a sidecar.)
    const clients: Record<string, string> = { west: "sleep/sleep", east: "sleep/sleep", north: "sleep/sleep" };
    await vi.waitFor(
      async () => {
        for (const [cluster, client] of Object.entries(clients)) {
          const [namespace, workload] = client.split("/");
          const text = await (await fetch(lab.dataPlane.metricsUrls[cluster] ?? "")).text();
          const series = text.split("\n").filter((l) => l.startsWith("istio_requests_total{") && l.includes('reporter="source"') && l.includes(`source_workload="${workload}"`));
          expect(series.find((l) => l.includes(`source_workload_namespace="${namespace}"`) && l.includes('destination_service="productpage.bookinfo.svc.cluster.local"') && l.includes('response_code="200"')), cluster).toBeDefined();
        }
      },
      { timeout: 15_000, interval: 200 },
    );
  });

  it("gives its loopback block back when it stops", async () => {
    // The claim is a listener on 127.<block>.255.254 (address-block.ts): held while the lab runs, free after.
    const claim = (): Promise<string> =>
      new Promise((resolve) => {
        const server = createServer();
        server.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"));
        server.listen({ host: `127.${lab.addresses.block}.255.254`, port: CLAIM_PORT, exclusive: true }, () => server.close(() => resolve("free")));
      });
    expect(await claim()).toBe("EADDRINUSE");
    await lab.stop();
    stopped = true;
    expect(await claim()).toBe("free");
  });
});

describe("startLab without a data plane", () => {
  it("says so: no metrics, requests refused, admin answers 409", async () => {
    const lab = await startLab({ scenario: "e2e", portBase: 0, adminPort: 0, kubeconfigPath: await tempKubeconfig(), podReadyDelayMs: 20, dataPlane: false });
    try {
      expect(lab.dataPlane.metricsUrls).toEqual({});
      await expect(lab.dataPlane.request("west", { url: "http://productpage.bookinfo:9080/", namespace: "bookinfo", count: 1 })).rejects.toThrow("dataPlane: false");
      const res = await fetch(`${lab.adminUrl}/clusters/west/request`, { method: "POST", headers: { Authorization: `Bearer ${lab.adminToken}` }, body: JSON.stringify({ url: "http://productpage.bookinfo:9080/", namespace: "bookinfo" }) });
      expect(res.status).toBe(409);
    } finally {
      await lab.stop();
    }
  }, 60_000);
});
