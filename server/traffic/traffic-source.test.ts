// One query per refresh whatever the number of callers; the cache's age; "down" and "not configured" as values.
import { describe, expect, it, vi } from "vitest";
import { createTrafficSource, shownUrl } from "./traffic-source";

const DETAILS = "details.bookinfo.svc.cluster.local";
const answer = (value: string) =>
  new Response(
    JSON.stringify({
      status: "success",
      data: { resultType: "vector", result: [{ metric: { source_cluster: "west", destination_cluster: "east", destination_service: DETAILS, code_class: "2xx" }, value: [1, value] }] },
    }),
  );

function fakeFetch(body: () => Response | Promise<Response>) {
  let release: () => void = () => undefined;
  const gate = { hold: false };
  const fn = vi.fn(async () => {
    if (gate.hold) await new Promise<void>((resolve) => (release = resolve));
    return body();
  });
  return { fn, gate, release: () => release() };
}

describe("createTrafficSource", () => {
  it("not configured: says so, asks nobody", async () => {
    const f = fakeFetch(() => answer("1"));
    const view = await createTrafficSource({ url: undefined, fetch: f.fn as unknown as typeof fetch }).view();
    expect(view).toMatchObject({ status: { state: "not-configured" }, servedBy: [], flows: [] });
    expect(f.fn).not.toHaveBeenCalled();
  });

  it("ok: flows and served-by rows, with the window", async () => {
    const f = fakeFetch(() => answer("2"));
    const view = await createTrafficSource({ url: "http://prom:9090", fetch: f.fn as unknown as typeof fetch }).view();
    expect(view.status).toEqual({ state: "ok", window: "1m" });
    expect(view.flows).toEqual([{ sourceCluster: "west", destinationCluster: "east", fqdn: DETAILS, rps: 2, errorRate: 0 }]);
    expect(view.servedBy).toEqual([{ sourceCluster: "west", fqdn: DETAILS, rps: 2, errorRate: 0, servedBy: [{ cluster: "east", share: 1, rps: 2 }] }]);
  });

  it("callers during a query share it; callers within the max age share its result; after it, one new query", async () => {
    let clock = 0;
    const f = fakeFetch(() => answer("1"));
    const source = createTrafficSource({ url: "http://prom:9090", fetch: f.fn as unknown as typeof fetch, now: () => clock, maxAgeMs: 5000 });
    f.gate.hold = true;
    const tabs = Array.from({ length: 20 }, () => source.view());
    await vi.waitFor(() => expect(f.fn).toHaveBeenCalledTimes(1));
    f.release();
    const views = await Promise.all(tabs);
    expect(new Set(views).size).toBe(1);
    f.gate.hold = false;
    clock = 4999;
    expect(await source.view()).toBe(views[0]);
    expect(f.fn).toHaveBeenCalledTimes(1);
    clock = 5000;
    await source.view();
    expect(f.fn).toHaveBeenCalledTimes(2);
  });

  it("down: a deliberate state naming Prometheus without its credentials, cached like an answer", async () => {
    let clock = 0;
    const f = fakeFetch(() => Promise.reject(new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED 10.0.0.9:9090") })));
    const source = createTrafficSource({ url: "http://ops:secret@10.0.0.9:9090", fetch: f.fn as unknown as typeof fetch, now: () => clock });
    const view = await source.view();
    expect(view.status).toEqual({ state: "down", message: "Prometheus at http://10.0.0.9:9090 does not answer the traffic query: fetch failed: connect ECONNREFUSED 10.0.0.9:9090." });
    expect(JSON.stringify(view)).not.toContain("secret");
    clock = 1000;
    await source.view();
    expect(f.fn).toHaveBeenCalledTimes(1);
  });
});

describe("shownUrl", () => {
  it.each([
    ["http://ops:secret@prom:9090/", "http://prom:9090"],
    ["http://prom:9090/prometheus/", "http://prom:9090/prometheus"],
  ])("%s → %s", (url, shown) => {
    expect(shownUrl(url)).toBe(shown);
  });
});
