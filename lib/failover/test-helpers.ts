// A bookinfo fleet as failoverStates sees it, every part wired as the registry would leave it, and small edits.
// Not a test file itself; imported by the *.test.ts files of lib/failover.
import type { ClusterFacts, EndpointCount, FailoverInput, FailoverRow, GatewayFacts, ServiceFacts } from "./types";

export const DETAILS = "details.bookinfo.svc.cluster.local";
export const REVIEWS = "reviews.bookinfo.svc.cluster.local";
export const PRODUCTPAGE = "productpage.bookinfo.svc.cluster.local";

export const ADDRESSES: Readonly<Record<string, readonly string[]>> = {
  west: ["10.0.1.1", "10.0.1.2"],
  east: ["10.0.2.1", "10.0.2.2"],
  north: ["10.0.3.1"],
};

// north is in west's region, so Istio's locality LB tries it before east (the name order would say east first).
const LOCALITY: Readonly<Record<string, string>> = { west: "us-west1/us-west1-a", north: "us-west1/us-west1-b", east: "us-east1/us-east1-b", south: "eu-south1/eu-south1-a" };

// west: details, reviews, productpage; east: details, reviews; north: details; south runs nothing and consumes details.
const RUNS: Readonly<Record<string, readonly string[]>> = { west: [DETAILS, REVIEWS, PRODUCTPAGE], east: [DETAILS, REVIEWS], north: [DETAILS], south: [] };

export const gatewayOf = (cluster: string): GatewayFacts => ({ namespace: "istio-system", name: "eastwest-gateway", readyPods: 2, addresses: ADDRESSES[cluster] ?? [] });

const service = (fqdn: string): ServiceFacts => ({ fqdn, namespace: "bookinfo", ports: [9080], endpoints: { ready: 1, total: 1 } });

function clusterOf(name: string): ClusterFacts {
  const runs = RUNS[name] ?? [];
  const others = (fqdn: string) => Object.keys(RUNS).filter((c) => c !== name && (RUNS[c] ?? []).includes(fqdn));
  const shadowEntries = runs.flatMap((fqdn) => others(fqdn).map((c) => ({ fqdn, addresses: ADDRESSES[c] ?? [] })));
  const serviceEntries = runs.includes(DETAILS) ? [] : [{ hosts: [DETAILS], addresses: others(DETAILS).flatMap((c) => ADDRESSES[c] ?? []) }];
  return {
    name,
    stale: false,
    locality: LOCALITY[name] ?? "",
    gateways: name === "south" ? [] : [gatewayOf(name)],
    services: runs.map(service),
    serviceEntries,
    shadowEntries,
    outlierDetection: [...runs],
  };
}

/** Every part healthy, every service exposed (a WorkspaceSetting without a list). */
export function bookinfo(): FailoverInput {
  return { clusters: ["west", "east", "north", "south"].map(clusterOf), exposure: { setting: true } };
}

type Edit = (c: ClusterFacts) => Partial<ClusterFacts>;

/** The input with cluster `name` patched. */
export function edit(input: FailoverInput, name: string, patch: Edit): FailoverInput {
  return { ...input, clusters: input.clusters.map((c) => (c.name === name ? { ...c, ...patch(c) } : c)) };
}

/** The input with `fqdn`'s local endpoints in `cluster` set (undefined: unknown). */
export function endpoints(input: FailoverInput, cluster: string, fqdn: string, count: EndpointCount | undefined): FailoverInput {
  return edit(input, cluster, (c) => ({ services: c.services.map((s) => (s.fqdn === fqdn ? { ...s, endpoints: count } : s)) }));
}

/** Several edits in a row. */
export function pipe(input: FailoverInput, ...edits: ReadonlyArray<(i: FailoverInput) => FailoverInput>): FailoverInput {
  return edits.reduce((acc, e) => e(acc), input);
}

export function rowOf(rows: readonly FailoverRow[], cluster: string, fqdn: string): FailoverRow {
  const row = rows.find((r) => r.cluster === cluster && r.fqdn === fqdn);
  if (!row) throw new Error(`no row for ${fqdn} in ${cluster}`);
  return row;
}

/** A state reduced to what the tables assert: kind, reason/why, and target clusters in order. */
export function brief(row: FailoverRow): string {
  const s = row.state;
  const targets = "targets" in s ? s.targets.map((t) => t.cluster) : [];
  const detail = s.kind === "at-risk" ? s.reason : s.kind === "unknown" ? s.why : s.kind === "remote-only" ? (s.reachable ? "reachable" : "unreachable") : "";
  return [s.kind, detail, targets.join(">")].filter((p) => p !== "").join(" ");
}
