import { describe, expect, it } from "vitest";
import { shadowHash } from "@/lib/names/object-names";
import type { PlanInput } from "./input";
import { stableStringify, type JsonObject } from "./json";
import { shadowSpecJson, workloadEntries } from "./workload-entries";
import { DETAILS, modelOf, seedInput, withCluster } from "./test-fixtures";

const built = (input: PlanInput) => workloadEntries(modelOf(input));
const rows = (input: PlanInput) => built(input).placed.map((p) => `${p.cluster} ${p.object.metadata.name} ${String(p.object.spec.address)}`);
const h = (source: string) => shadowHash(source, "bookinfo", "details");

describe("shadow WorkloadEntries (§3.4)", () => {
  it("copies the local selector, maps ports to 15443 and carries the remote network/locality", () => {
    const first = built(seedInput({ exposed: [DETAILS] })).placed.find((p) => p.cluster === "west");
    expect(first?.object.metadata).toMatchObject({ name: `k-details-${h("east")}`, namespace: "bookinfo" });
    expect(first?.object.metadata.labels).toMatchObject({ app: "details", "eastwest-console.io/source-cluster": "east" });
    expect(first?.object.spec).toEqual({
      address: "127.0.2.1",
      labels: { app: "details", "security.istio.io/tlsMode": "istio" },
      ports: { http: 15443 },
      network: "network-east",
      locality: "us-east1/us-east1-b",
    });
  });

  it.each<[string, PlanInput, string[]]>([
    ["one per remote gateway address, in each cluster running the service", seedInput({ exposed: [DETAILS] }), [
      `west k-details-${h("east")} 127.0.2.1`, `west k-details-${h("east")}-2 127.0.2.2`, `west k-details-${h("east")}-3 127.0.2.3`,
      `east k-details-${h("west")} 127.0.1.1`, `east k-details-${h("west")}-2 127.0.1.2`, `east k-details-${h("west")}-3 127.0.1.3`,
    ]],
    ["several source clusters: one hash per source, numbering restarts", withCluster(seedInput({ exposed: [DETAILS], north: ["details"] }), "east", (c) => (c.gateways = [])), [
      `north k-details-${h("west")} 127.0.1.1`,
      `north k-details-${h("west")}-2 127.0.1.2`, `north k-details-${h("west")}-3 127.0.1.3`,
      `east k-details-${h("west")} 127.0.1.1`, `east k-details-${h("west")}-2 127.0.1.2`, `east k-details-${h("west")}-3 127.0.1.3`,
    ]],
    ["a remote cluster without a gateway contributes nothing", withCluster(seedInput({ exposed: [DETAILS] }), "east", (c) => (c.gateways = [])), [
      `east k-details-${h("west")} 127.0.1.1`, `east k-details-${h("west")}-2 127.0.1.2`, `east k-details-${h("west")}-3 127.0.1.3`,
    ]],
  ])("%s", (_, input, expected) => {
    expect([...rows(input)].sort()).toEqual([...expected].sort());
  });

  it("gives clusters not running the service none (they get a ServiceEntry instead)", () => {
    expect(rows(seedInput({ exposed: [DETAILS] })).filter((r) => r.startsWith("north"))).toEqual([]);
  });

  it("uses a different hash per source for the same service", () => {
    const input = seedInput({ exposed: [DETAILS], north: ["details"] });
    const north = built(input).placed.filter((p) => p.cluster === "north").map((p) => p.object.metadata.name);
    expect(north).toHaveLength(6);
    expect(new Set(north.map((n) => n.split("-")[2])).size).toBe(2);
  });

  it.each([
    ["no selector", { selector: {} }, "ServiceWithoutSelector"],
    ["an unnamed port", { ports: [{ name: "", port: 9080, protocol: "TCP" }] }, "UnnamedServicePort"],
  ])("a local Service with %s gets none, and a condition says why", (_, change, reason) => {
    const input = withCluster(seedInput({ exposed: [DETAILS] }), "west", (c) => {
      for (const s of c.services) if (s.name === "details") Object.assign(s, change);
    });
    const out = built(input);
    expect(out.placed.filter((p) => p.cluster === "west")).toEqual([]);
    expect(out.placed.filter((p) => p.cluster === "east")).toHaveLength(3);
    expect(out.conditions.map((c) => [c.reason, c.cluster])).toEqual([[reason, "west"]]);
  });
});

describe("shadowSpecJson", () => {
  // The content hash of every shadow is taken over this text: it must be stableStringify's, byte for byte.
  it.each<[string, JsonObject]>([
    ["10.0.0.1", { labels: { app: "details", "security.istio.io/tlsMode": "istio" }, ports: { http: 15443 }, network: "n", locality: "r/z" }],
    ["a.example.com", { labels: {}, ports: {} }],
    ['"quoted"\u2028', { ports: { "grpc-web": 15443, http: 15443 } }],
    ["10.0.0.2", {}],
  ])("%s with %j is the spec's stable JSON", (address, base) => {
    expect(shadowSpecJson(address, stableStringify(base).slice(1))).toBe(stableStringify({ address, ...base }));
  });
});
