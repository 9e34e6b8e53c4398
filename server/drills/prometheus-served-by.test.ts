import { describe, expect, it } from "vitest";
import { momentOf, prometheusServedBy, servedByQuery } from "./prometheus-served-by";

describe("Prometheus's served-by of a drill", () => {
  it.each([
    ["Baseline", "Injecting", "before"],
    ["Observing", "Restoring", "during"],
    ["Injecting", "Restoring", "during"],
    ["Restoring", "Succeeded", "after"],
    ["Restoring", "Aborted", "after"],
    ["Baseline", "Restoring", undefined],
    ["Observing", "Observing", undefined],
    ["Prechecking", "Failed", undefined],
  ] as const)("%s → %s records %s", (from, to, moment) => {
    expect(momentOf(from, to)).toBe(moment);
  });

  it("asks for the probe's requests/s by destination cluster and reads the vector", async () => {
    const asked: string[] = [];
    const fetch = (async (url: URL) => {
      asked.push(url.searchParams.get("query") ?? "");
      const result = [
        { metric: { destination_cluster: "east" }, value: [1, "3.3333"] },
        { metric: {}, value: [1, "0.5"] },
      ];
      return new Response(JSON.stringify({ status: "success", data: { resultType: "vector", result } }), { headers: { "Content-Type": "application/json" } });
    }) as unknown as typeof globalThis.fetch;
    const query = prometheusServedBy("http://prometheus:9090", { fetch });
    expect(await query("bookinfo", "d1-probe")).toEqual({ east: 3.33, unknown: 0.5 });
    expect(asked).toEqual([servedByQuery("bookinfo", "d1-probe")]);
    expect(asked[0]).toContain('source_workload="d1-probe"');
  });

  it("records nothing when Prometheus does not answer", async () => {
    const fetch = (async () => {
      throw new TypeError("fetch failed");
    }) as unknown as typeof globalThis.fetch;
    expect(await prometheusServedBy("http://prometheus:9090", { fetch })("bookinfo", "d1-probe")).toBeUndefined();
  });
});
