import { it } from "vitest";
import { failoverStates } from "./failover-state";
import type { ClusterFacts, FailoverInput } from "./types";

it("bench 20x1000", () => {
  const names = Array.from({ length: 20 }, (_, i) => `c${i}`);
  const addr = (c: string) => [`10.${c.slice(1)}.0.1`, `10.${c.slice(1)}.0.2`, `10.${c.slice(1)}.0.3`];
  const fqdns = Array.from({ length: 1000 }, (_, i) => `s${i}.ns${i % 20}.svc.cluster.local`);
  const clusters: ClusterFacts[] = names.map((name) => ({
    name, stale: false, locality: `r${name.length}/z`, gateways: [{ namespace: "istio-system", name: "ew", readyPods: 2, addresses: addr(name) }],
    services: fqdns.map((fqdn) => ({ fqdn, namespace: "x", ports: [9080], endpoints: { ready: 1, total: 1 } })),
    serviceEntries: [], shadowEntries: fqdns.flatMap((fqdn) => names.filter((n) => n !== name).map((n) => ({ fqdn, addresses: addr(n) }))),
    outlierDetection: fqdns,
  }));
  const input: FailoverInput = { clusters, exposure: { setting: true } };
  for (let k = 0; k < 4; k++) {
    const t = performance.now();
    const rows = failoverStates(input);
    console.log(`rows ${rows.length} states ${(performance.now() - t).toFixed(0)} ms`);
  }
});
