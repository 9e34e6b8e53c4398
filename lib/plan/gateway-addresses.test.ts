import { describe, expect, it } from "vitest";
import { compareAddresses, publishedAddresses } from "./gateway-addresses";
import type { GatewayAddress } from "./input";
import { cluster, eastWestGateway } from "./test-fixtures";

const ELB = "k8s-bookinfo-eastwest-00a17af379-bdda7f4eb8c5da5c.elb.eu-west-2.amazonaws.com";
const resolved = { [ELB]: ["18.168.99.230", "35.179.51.164", "18.135.167.198"], "gw.example.com": ["10.0.0.9"] };

function published(addresses: GatewayAddress[], annotation?: string, serviceType = "LoadBalancer") {
  const gw = eastWestGateway([], { addresses, serviceType, ...(annotation === undefined ? {} : { externalAddressesAnnotation: annotation }) });
  const out = publishedAddresses(cluster("east"), gw, resolved);
  return { ips: out.ips, reasons: out.conditions.map((c) => c.reason) };
}

describe("published gateway addresses", () => {
  it.each<[string, GatewayAddress[], string | undefined, string[], string[]]>([
    ["status IPs, numerically sorted", [{ ip: "127.0.2.10" }, { ip: "127.0.2.2" }, { ip: "127.0.2.1" }], undefined, ["127.0.2.1", "127.0.2.2", "127.0.2.10"], []],
    ["duplicates collapse", [{ ip: "127.0.2.1" }, { ip: "127.0.2.1" }], undefined, ["127.0.2.1"], []],
    ["IP wins over hostname in one ingress entry", [{ ip: "127.0.2.1", hostname: "unresolved.example" }], undefined, ["127.0.2.1"], []],
    ["a DNS name resolves to one entry per IP (the seed's ELB)", [{ hostname: ELB }], undefined, ["18.135.167.198", "18.168.99.230", "35.179.51.164"], []],
    ["an unresolved DNS name is flagged", [{ hostname: "unresolved.example" }], undefined, [], ["UnresolvedGatewayHostname"]],
    ["unresolved beside resolved: the rest still published", [{ hostname: "unresolved.example" }, { ip: "127.0.2.1" }], undefined, ["127.0.2.1"], ["UnresolvedGatewayHostname"]],
    ["annotation overrides status (comma-separated IPs)", [{ ip: "127.0.2.1" }], " 10.1.0.2, 10.1.0.1 ,", ["10.1.0.1", "10.1.0.2"], []],
    ["annotation with one DNS name", [{ ip: "127.0.2.1" }], "gw.example.com", ["10.0.0.9"], []],
    ["empty annotation falls back to status", [{ ip: "127.0.2.1" }], "  ", ["127.0.2.1"], []],
    ["junk is skipped and flagged", [{ ip: "not-an-ip" }, { hostname: "bad name!" }, { ip: "127.0.2.1" }], undefined, ["127.0.2.1"], ["InvalidGatewayAddress", "InvalidGatewayAddress"]],
    ["IPv6 after IPv4", [{ ip: "fd00::1" }, { ip: "127.0.2.1" }], undefined, ["127.0.2.1", "fd00::1"], []],
    ["no addresses → a condition", [], undefined, [], ["GatewayWithoutAddresses"]],
  ])("%s", (_, addresses, annotation, ips, reasons) => {
    expect(published(addresses, annotation)).toEqual({ ips, reasons });
  });

  it.each([
    ["LoadBalancer", "no ingress address yet"],
    ["ClusterIP", "type ClusterIP"],
    ["NodePort", "type NodePort"],
  ])("explains why a %s gateway publishes nothing", (serviceType, phrase) => {
    const out = publishedAddresses(cluster("east"), eastWestGateway([], { serviceType }), {});
    expect(out.conditions).toHaveLength(1);
    expect(out.conditions[0]?.message).toContain(phrase);
    expect(out.conditions[0]?.cluster).toBe("east");
  });

  it.each([
    ["127.0.0.2", "127.0.0.10", -1],
    ["10.0.0.1", "9.255.255.255", 1],
    ["127.0.0.1", "127.0.0.1", 0],
    ["::1", "127.0.0.1", 1],
  ])("compareAddresses(%s, %s) has sign %i", (a, b, sign) => {
    expect(Math.sign(compareAddresses(a, b))).toBe(sign);
  });
});
