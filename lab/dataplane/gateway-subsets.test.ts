import { describe, expect, it } from "vitest";
import type { KubeObject } from "../apiserver/types";
import { indexRules, subsetEndpoints, subsetLabels } from "./gateway-subsets";
import type { MeshEndpoint } from "./types";

const DETAILS = "details.bookinfo.svc.cluster.local";

function rule(name: string, namespace: string, host: string, subsets: Array<[string, Record<string, string>]>): KubeObject {
  return {
    apiVersion: "networking.istio.io/v1",
    kind: "DestinationRule",
    metadata: { name, namespace, creationTimestamp: "2026-12-05T00:00:00Z" },
    spec: { host, subsets: subsets.map(([n, labels]) => ({ name: n, labels })) },
  };
}

describe("subsetLabels", () => {
  it.each<[string, KubeObject[], string, Record<string, string> | undefined]>([
    ["a short host in the service's namespace", [rule("d", "bookinfo", "details", [["v1", { version: "v1" }], ["v2", { version: "v2" }]])], "v2", { version: "v2" }],
    ["the FQDN", [rule("d", "istio-system", DETAILS, [["v1", { version: "v1" }]])], "v1", { version: "v1" }],
    ["a wildcard rule", [rule("all", "istio-system", "*.bookinfo.svc.cluster.local", [["canary", { track: "canary" }]])], "canary", { track: "canary" }],
    ["a subset the rule does not define", [rule("d", "bookinfo", "details", [["v1", { version: "v1" }]])], "v3", undefined],
    ["a rule for another host", [rule("r", "bookinfo", "reviews", [["v1", { version: "v1" }]])], "v1", undefined],
    ["a short host resolved in another namespace", [rule("d", "sleep", "details", [["v1", { version: "v1" }]])], "v1", undefined],
    ["no rule", [], "v1", undefined],
    // The exact host wins over a wildcard, even when only the wildcard defines the subset (istiod picks one rule).
    [
      "the most specific rule only",
      [rule("all", "istio-system", "*.local", [["v1", { version: "v1" }]]), rule("d", "bookinfo", "details", [["v2", { version: "v2" }]])],
      "v1",
      undefined,
    ],
  ])("%s", (_, rules, subset, expected) => {
    expect(subsetLabels(indexRules(rules), DETAILS, subset)).toEqual(expected);
  });
});

describe("subsetEndpoints", () => {
  const pod = (name: string, podIP: string, labels: Record<string, string>): KubeObject => ({
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: "bookinfo", labels },
    status: { podIP },
  });
  const endpoint = (address: string, kind: MeshEndpoint["kind"] = "pod"): MeshEndpoint => ({
    address,
    port: 9080,
    kind,
    source: `Pod bookinfo/${address}`,
    network: "west",
    locality: { region: "r", zone: "z", subzone: "" },
  });
  const podAddress = (ip: string): string | undefined => (ip.startsWith("10.244.") ? ip.replace("10.244.", "127.9.") : undefined);
  const pods = [pod("v1-a", "10.244.0.1", { app: "details", version: "v1" }), pod("v2-a", "10.244.0.2", { app: "details", version: "v2" }), pod("v2-b", "10.244.0.3", { app: "details", version: "v2" })];
  const endpoints = [endpoint("127.9.0.1"), endpoint("127.9.0.2"), endpoint("127.9.0.3"), endpoint("127.9.0.9")];

  it.each<[Record<string, string>, string[]]>([
    [{ version: "v2" }, ["127.9.0.2", "127.9.0.3"]],
    [{ version: "v1" }, ["127.9.0.1"]],
    [{ app: "details" }, ["127.9.0.1", "127.9.0.2", "127.9.0.3"]],
    [{ version: "v3" }, []],
    [{}, ["127.9.0.1", "127.9.0.2", "127.9.0.3"]],
  ])("labels %j select %j", (labels, addresses) => {
    expect(subsetEndpoints(endpoints, pods, podAddress, labels).map((e) => e.address)).toEqual(addresses);
  });

  it("keeps only pod endpoints", () => {
    expect(subsetEndpoints([endpoint("127.9.0.2", "workload-entry")], pods, podAddress, { version: "v2" })).toEqual([]);
  });
});
