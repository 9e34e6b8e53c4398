import { describe, expect, it } from "vitest";
import { MAX_REQUESTS, sendRequests } from "./data-plane-requests";
import type { MeshRequest, MeshResponse } from "./types";

function fakeClient() {
  const requests: MeshRequest[] = [];
  let active = 0;
  let maxActive = 0;
  return {
    requests,
    maxActive: () => maxActive,
    async request(request: MeshRequest): Promise<MeshResponse> {
      requests.push(request);
      maxActive = Math.max(maxActive, ++active);
      await Promise.resolve();
      active--;
      const n = requests.length;
      return { status: n === 2 ? 503 : 200, latencyMs: n, servedByCluster: "east", servedByPod: `details-v1-${n}`, error: null, responseFlags: "-", body: { n } };
    },
  };
}

describe("sendRequests", () => {
  it("sends count requests one after another from the namespace's workload, keeping the caller-visible fields", async () => {
    const client = fakeClient();
    const results = await sendRequests(client, { url: "http://details.bookinfo:9080/", namespace: "sleep", count: 3 });
    expect(client.maxActive()).toBe(1);
    expect(client.requests).toEqual(Array.from({ length: 3 }, () => ({ url: "http://details.bookinfo:9080/", source: { namespace: "sleep", workload: "lab-request" } })));
    expect(results.map((r) => r.status)).toEqual([200, 503, 200]);
    expect(results[1]).toEqual({ status: 503, latencyMs: 2, servedByCluster: "east", servedByPod: "details-v1-2", error: null, responseFlags: "-" });
  });

  it("uses the given workload as the source", async () => {
    const client = fakeClient();
    await sendRequests(client, { url: "http://details.bookinfo:9080/", namespace: "sleep", count: 1, workload: "sleep" });
    expect(client.requests[0]?.source).toEqual({ namespace: "sleep", workload: "sleep" });
  });

  it.each([0, -1, 1.5, MAX_REQUESTS + 1])("refuses count %s without sending anything", async (count) => {
    const client = fakeClient();
    await expect(sendRequests(client, { url: "http://details.bookinfo:9080/", namespace: "sleep", count })).rejects.toThrow("count must be an integer from 1 to 1000");
    expect(client.requests).toHaveLength(0);
  });
});
