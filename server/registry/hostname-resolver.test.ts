import { describe, expect, it } from "vitest";
import { clusterOfKinds, fleetOf } from "@/lib/fleet/snapshot-fixtures";
import type { FleetSnapshot } from "@/lib/fleet/snapshot-types";
import type { SnapshotObject } from "@/lib/registry/raw-object";
import { createHostnameResolver, type Lookup } from "./hostname-resolver";

const gateway: SnapshotObject = { metadata: { name: "eastwest-gateway", namespace: "bookinfo" }, spec: { eastWestOnly: true } };
const gatewayService = (ingress: Array<{ ip?: string; hostname?: string }>, annotation?: string): SnapshotObject => ({
  metadata: { name: "eastwest-gateway", namespace: "bookinfo", ...(annotation ? { annotations: { "xcp.tetrate.io/cluster-external-addresses": annotation } } : {}) },
  spec: { type: "LoadBalancer", ports: [{ name: "tls", port: 15443 }] },
  status: { loadBalancer: { ingress } },
});
const fleet = (...services: SnapshotObject[]): FleetSnapshot => fleetOf(services.map((svc, i) => clusterOfKinds(`c${i}`, { IngressGateway: [gateway], Service: [svc] })));

const dnsError = (code: string) => Object.assign(new Error(`query failed: ${code}`), { code });

/** A fake DNS: answers from a table, or throws the table's error code; counts lookups. */
function fakeDns(table: Record<string, string[] | string>) {
  const asked: string[] = [];
  const lookup: Lookup = async (host) => {
    asked.push(host);
    const answer = table[host];
    if (answer === undefined) throw dnsError("ENOTFOUND");
    if (typeof answer === "string") throw dnsError(answer);
    return answer;
  };
  return { lookup, asked, table };
}

describe("hostname resolver", () => {
  it.each([
    ["ingress hostname", fleet(gatewayService([{ hostname: "lb-1.example.com" }])), { "lb-1.example.com": ["10.0.0.2", "10.0.0.1"] }, { "lb-1.example.com": ["10.0.0.1", "10.0.0.2"] }, []],
    ["IPs need no lookup", fleet(gatewayService([{ ip: "10.1.1.1" }])), {}, {}, []],
    ["annotation naming a DNS name", fleet(gatewayService([{ ip: "10.1.1.1" }], "gw.example.net")), { "gw.example.net": ["10.2.2.2"] }, { "gw.example.net": ["10.2.2.2"] }, []],
    ["name that does not exist", fleet(gatewayService([{ hostname: "gone.example.com" }])), {}, {}, ["error GatewayHostnameUnresolved gone.example.com ENOTFOUND"]],
    ["server failure", fleet(gatewayService([{ hostname: "flaky.example.com" }])), { "flaky.example.com": "ESERVFAIL" }, {}, ["error GatewayHostnameUnresolved flaky.example.com ESERVFAIL"]],
  ])("%s", async (_, snapshot, table, resolved, conditions) => {
    const resolver = createHostnameResolver({ lookup: fakeDns(table).lookup });
    await resolver.observe(snapshot);
    expect(resolver.ready(snapshot)).toBe(true);
    expect(resolver.resolved()).toEqual(resolved);
    expect(resolver.conditions().map((c) => `${c.severity} ${c.reason} ${c.subject ?? ""} ${/\((E[A-Z]+)/.exec(c.message)?.[1] ?? ""}`)).toEqual(conditions);
    resolver.stop();
  });

  it("is not ready until a new name was looked up, and then tells its subscribers", async () => {
    const dns = fakeDns({ "lb.example.com": ["10.0.0.1"] });
    const resolver = createHostnameResolver({ lookup: dns.lookup });
    const snapshot = fleet(gatewayService([{ hostname: "lb.example.com" }]));
    let notified = 0;
    resolver.subscribe(() => notified++);
    expect(resolver.ready(snapshot)).toBe(false);
    await resolver.observe(snapshot);
    expect(resolver.ready(snapshot)).toBe(true);
    expect(notified).toBeGreaterThan(0);
    expect(dns.asked).toEqual(["lb.example.com"]);
    resolver.stop();
  });

  it("keeps the last answer through a transient failure, drops it when the name is gone, and forgets vanished names", async () => {
    const dns = fakeDns({ "lb.example.com": ["10.0.0.1"] });
    const resolver = createHostnameResolver({ lookup: dns.lookup });
    const snapshot = fleet(gatewayService([{ hostname: "lb.example.com" }]));
    await resolver.observe(snapshot);
    const first = resolver.resolved();
    dns.table["lb.example.com"] = "ETIMEOUT";
    await resolver.refresh();
    expect(resolver.resolved()).toBe(first);
    expect(resolver.conditions()).toEqual([expect.objectContaining({ severity: "warning", subject: "lb.example.com" })]);
    dns.table["lb.example.com"] = ["10.0.0.1", "10.0.0.3"];
    await resolver.refresh();
    expect(resolver.resolved()).toEqual({ "lb.example.com": ["10.0.0.1", "10.0.0.3"] });
    expect(resolver.conditions()).toEqual([]);
    delete dns.table["lb.example.com"];
    await resolver.refresh();
    expect(resolver.resolved()).toEqual({});
    await resolver.observe(fleet(gatewayService([{ ip: "10.9.9.9" }])));
    expect(resolver.conditions()).toEqual([]);
    resolver.stop();
  });
});
