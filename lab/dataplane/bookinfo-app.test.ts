import { describe, expect, it } from "vitest";
import { bookinfoAnswer, type AppRequest } from "./bookinfo-app";
import type { MeshRequest, MeshResponse } from "./types";
import type { ServedPod } from "./workload-identity";

const served = (app: string, version = "v1"): ServedPod => ({
  uid: "u", namespace: "bookinfo", name: `${app}-${version}-abc`, address: "127.9.1.2", ports: [9080],
  labels: { app, version }, workload: `${app}-${version}`, terminating: false,
});

/** A mesh client answering per service (first host label); `throws` for services whose call rejects. */
function fakeMesh(status: Record<string, number>, throws: string[] = []) {
  const calls: MeshRequest[] = [];
  const request = (req: MeshRequest): Promise<MeshResponse> => {
    calls.push(req);
    const service = new URL(req.url).hostname.split(".")[0] ?? "";
    if (throws.includes(service)) return Promise.reject(new Error(`${service} exploded`));
    const code = status[service] ?? 200;
    const body = service === "ratings" ? { ratings: { Reviewer1: 5, Reviewer2: 4 } } : { service };
    const failed = code === 0 || code >= 500;
    return Promise.resolve({
      status: code, latencyMs: 2, servedByCluster: failed ? null : "east", servedByPod: failed ? null : `${service}-pod`,
      error: code === 0 ? "upstream connect error or disconnect/reset before headers. reset reason: connection failure" : null,
      responseFlags: code === 0 ? "UF" : "-", ...(failed ? {} : { body }),
    });
  };
  return { calls, mesh: () => ({ request }) };
}

const ask = (pod: ServedPod, mesh: AppRequest["mesh"], path = "/"): ReturnType<typeof bookinfoAnswer> =>
  bookinfoAnswer({ pod, cluster: "west", method: "GET", path, mesh });

describe("bookinfo", () => {
  it("productpage answers 200 with what details and reviews answered, even when one failed", async () => {
    const { calls, mesh } = fakeMesh({ reviews: 503 });
    const { status, body } = await ask(served("productpage"), mesh, "/productpage");
    expect(status).toBe(200);
    expect(body).toMatchObject({
      service: "productpage", version: "v1", cluster: "west", pod: "productpage-v1-abc",
      details: { status: 200, servedByCluster: "east", servedByPod: "details-pod", error: null },
      reviews: { status: 503, servedByCluster: null, servedByPod: null },
      errors: ["Sorry, product reviews are currently unavailable for this book."],
    });
    expect(calls.map((c) => [c.url, c.timeoutMs])).toEqual([
      ["http://details.bookinfo.svc.cluster.local:9080/details/0", 3000],
      ["http://reviews.bookinfo.svc.cluster.local:9080/reviews/0", 3000],
    ]);
  });

  it("a callee call that throws is reported as status 0 with its error", async () => {
    const { mesh } = fakeMesh({}, ["details"]);
    const { status, body } = await ask(served("productpage"), mesh);
    expect(status).toBe(200);
    expect(body.details).toMatchObject({ status: 0, servedByCluster: null, error: "details exploded" });
  });

  it.each([
    ["v1", undefined, undefined],
    ["v2", "black", 10_000],
    ["v3", "red", 2500],
  ])("reviews %s calls ratings: color %s, timeout %s", async (version, color, timeoutMs) => {
    const { calls, mesh } = fakeMesh({});
    const { body } = await ask(served("reviews", version), mesh);
    expect(calls.map((c) => c.timeoutMs)).toEqual(timeoutMs === undefined ? [] : [timeoutMs]);
    const reviews = body.reviews as Array<{ reviewer: string; rating?: unknown }>;
    expect(reviews).toHaveLength(2);
    if (color) expect(reviews[0]?.rating).toEqual({ stars: 5, color });
    else expect(reviews[0]?.rating).toBeUndefined();
    if (color) expect(calls[0]?.source).toEqual({ namespace: "bookinfo", workload: `reviews-${version}`, pod: `reviews-${version}-abc` });
  });

  it("reviews says ratings are unavailable when ratings fail, and still answers 200", async () => {
    const { mesh } = fakeMesh({ ratings: 0 });
    const { status, body } = await ask(served("reviews", "v3"), mesh);
    expect(status).toBe(200);
    expect((body.reviews as Array<{ rating: unknown }>)[1]?.rating).toEqual({ error: "Ratings service is currently unavailable" });
    expect(body.ratings).toMatchObject({ status: 0, error: expect.stringContaining("connection failure") });
  });

  it.each([
    ["details", { author: "William Shakespeare", year: 1595 }],
    ["ratings", { ratings: { Reviewer1: 5, Reviewer2: 4 } }],
  ])("%s answers its own data without calling anyone", async (app, expected) => {
    const { calls, mesh } = fakeMesh({});
    const { status, body } = await ask(served(app), mesh);
    expect(status).toBe(200);
    expect(body).toMatchObject({ service: app, cluster: "west", ...expected });
    expect(calls).toEqual([]);
  });
});
