import { describe, expect, it } from "vitest";
import { CLUSTER_LABEL, groupByProximity, localityRank, NETWORK_LABEL, parseLocality, REGION_LABEL, type Candidate } from "./locality-priority";
import type { MeshEndpoint } from "./types";

const proxy = { cluster: "west", network: "west", locality: parseLocality("lab-west/lab-west-a") };

function candidate(source: string, network: string, locality: string, labels: Record<string, string> = {}): Candidate {
  const endpoint: MeshEndpoint = { address: "127.9.0.1", port: 9080, kind: "workload-entry", source, network, locality: parseLocality(locality) };
  return { endpoint, labels };
}

const names = (groups: MeshEndpoint[][]): string[][] => groups.map((g) => g.map((e) => e.source));

describe("locality", () => {
  it("parses Istio's locality strings", () => {
    expect(parseLocality("us-east1/us-east1-b/rack1")).toEqual({ region: "us-east1", zone: "us-east1-b", subzone: "rack1" });
    expect(parseLocality("us-east1.us-east1-b", ".")).toEqual({ region: "us-east1", zone: "us-east1-b", subzone: "" });
    expect(parseLocality(undefined)).toEqual({ region: "", zone: "", subzone: "" });
  });

  it.each([
    ["r/z/s", "r/z/s", 0],
    ["r/z/s", "r/z/t", 1],
    ["r/z/s", "r/y/s", 2],
    ["r/z/s", "q/z/s", 3],
  ])("from %s, %s is priority %d", (from, to, rank) => expect(localityRank(parseLocality(from), parseLocality(to))).toBe(rank));
});

describe("grouping by proximity", () => {
  it("orders local network and locality first, then other networks by locality, dropping empty priorities", () => {
    const groups = groupByProximity(
      [
        candidate("far", "east", "lab-east/lab-east-a"),
        candidate("local", "west", "lab-west/lab-west-a"),
        candidate("same-region-other-net", "north", "lab-west/lab-west-b"),
        candidate("far2", "north", "lab-north/lab-north-a"),
      ],
      proxy,
    );
    expect(names(groups)).toEqual([["local"], ["same-region-other-net"], ["far", "far2"]]);
  });

  it("puts an entry with the proxy's network and locality beside the local pods, as Istio does", () => {
    const groups = groupByProximity([candidate("pod", "west", "lab-west/lab-west-a"), candidate("we", "west", "lab-west/lab-west-a")], proxy);
    expect(names(groups)).toEqual([["pod", "we"]]);
  });

  it("follows failoverPriority labels when the rule sets them", () => {
    const keys = [NETWORK_LABEL, "version"];
    const groups = groupByProximity(
      [
        candidate("other-net", "east", "lab-west/lab-west-a", { version: "v1" }),
        candidate("same-net-v2", "west", "lab-east/lab-east-a", { version: "v2" }),
        candidate("same-net-v1", "west", "lab-east/lab-east-a", { version: "v1" }),
      ],
      proxy,
      keys,
    );
    // The proxy has no `version` label, so only the network key can match: same network first, whatever the locality.
    expect(names(groups)).toEqual([["same-net-v2", "same-net-v1"], ["other-net"]]);
    const byCluster = groupByProximity([candidate("a", "east", "x", { [CLUSTER_LABEL]: "east" }), candidate("b", "east", "x", { [CLUSTER_LABEL]: "west" })], proxy, [CLUSTER_LABEL, REGION_LABEL]);
    expect(names(byCluster)).toEqual([["b"], ["a"]]);
  });
});
