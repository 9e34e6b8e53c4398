import { describe, expect, it } from "vitest";
import { compareAddresses, MAX_EXAMINED_ADDRESSES, MAX_GATEWAY_ADDRESSES, publishedAddresses } from "./gateway-addresses";
import type { GatewayAddress } from "./input";
import { cluster, eastWestGateway } from "./test-fixtures";

const ELB = "k8s-bookinfo-eastwest-00a17af379-bdda7f4eb8c5da5c.elb.eu-west-2.amazonaws.com";
const resolved = {
  [ELB]: ["18.168.99.230", "35.179.51.164", "18.135.167.198"],
  "gw.example.com": ["10.0.0.9"],
  "metadata.example.com": ["169.254.169.254", "10.0.0.10"],
  localhost: ["127.0.0.1"],
};

function published(addresses: GatewayAddress[], annotation?: string, allowLoopback = true) {
  const gw = eastWestGateway([], { addresses, ...(annotation === undefined ? {} : { externalAddressesAnnotation: annotation }) });
  const out = publishedAddresses(cluster("east"), gw, resolved, allowLoopback);
  return { ips: out.ips, reasons: out.conditions.map((c) => c.reason) };
}

const ips = (...list: string[]): GatewayAddress[] => list.map((ip) => ({ ip }));

describe("published gateway addresses", () => {
  it.each<[string, GatewayAddress[], string | undefined, string[], string[]]>([
    ["status IPs, numerically sorted", ips("127.0.2.10", "127.0.2.2", "127.0.2.1"), undefined, ["127.0.2.1", "127.0.2.2", "127.0.2.10"], []],
    ["duplicates collapse", ips("127.0.2.1", "127.0.2.1"), undefined, ["127.0.2.1"], []],
    ["IP wins over hostname in one ingress entry", [{ ip: "127.0.2.1", hostname: "unresolved.example" }], undefined, ["127.0.2.1"], []],
    ["a DNS name resolves to one entry per IP (the seed's ELB)", [{ hostname: ELB }], undefined, ["18.135.167.198", "18.168.99.230", "35.179.51.164"], []],
    ["an unresolved DNS name is flagged", [{ hostname: "unresolved.example" }], undefined, [], ["UnresolvedGatewayHostname"]],
    ["unresolved beside resolved: the rest still published", [{ hostname: "unresolved.example" }, { ip: "127.0.2.1" }], undefined, ["127.0.2.1"], ["UnresolvedGatewayHostname"]],
    ["annotation overrides status (comma-separated IPs)", ips("127.0.2.1"), " 10.1.0.2, 10.1.0.1 ,", ["10.1.0.1", "10.1.0.2"], []],
    ["annotation with one DNS name", ips("127.0.2.1"), "gw.example.com", ["10.0.0.9"], []],
    ["empty annotation falls back to status", ips("127.0.2.1"), "  ", ["127.0.2.1"], []],
    ["junk is skipped and flagged", [{ ip: "not-an-ip" }, { hostname: "bad name!" }, { ip: "127.0.2.1" }], undefined, ["127.0.2.1"], ["InvalidGatewayAddress", "InvalidGatewayAddress"]],
    ["IPv6 after IPv4", ips("fd00::1", "127.0.2.1"), undefined, ["127.0.2.1", "fd00::1"], []],
    ["no addresses → a condition", [], undefined, [], ["GatewayWithoutAddresses"]],
  ])("%s", (_, addresses, annotation, expected, reasons) => {
    expect(published(addresses, annotation)).toEqual({ ips: expected, reasons });
  });

  it.each([
    ["LoadBalancer", "no ingress address yet"],
    ["ClusterIP", "type ClusterIP"],
    ["NodePort", "type NodePort"],
  ])("explains why a %s gateway publishes nothing", (serviceType, phrase) => {
    const out = publishedAddresses(cluster("east"), eastWestGateway([], { serviceType }), {}, false);
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

describe("addresses no other cluster can reach are rejected", () => {
  // [address, allowed with the lab's setting, words the sentence must contain]
  it.each<[string, boolean, string]>([
    ["0.0.0.0", false, "unspecified"],
    ["0.1.2.3", false, "unspecified"],
    ["::", false, "unspecified"],
    ["127.0.0.1", true, "loopback"],
    ["127.255.255.254", true, "loopback"],
    ["::1", true, "loopback"],
    ["0:0:0:0:0:0:0:1", true, "loopback"],
    ["::ffff:127.0.0.1", true, "loopback"],
    ["169.254.0.1", false, "link-local (169.254.0.0/16)"],
    ["169.254.169.254", false, "link-local"],
    ["fe80::1", false, "link-local (fe80::/10)"],
    ["FEBF:ffff::1", false, "link-local"],
    ["::ffff:169.254.1.1", false, "link-local"],
    ["224.0.0.1", false, "multicast (224.0.0.0/4)"],
    ["239.255.255.250", false, "multicast"],
    ["ff02::1", false, "multicast (ff00::/8)"],
    ["ff05::1:3", false, "multicast"],
    ["255.255.255.255", false, "broadcast"],
    ["240.0.0.1", false, "reserved"],
  ])("%s", (address, allowedInLab, words) => {
    const viaStatus = eastWestGateway([], { addresses: ips(address, "10.0.0.1") });
    const viaAnnotation = eastWestGateway([], { externalAddressesAnnotation: `${address}, 10.0.0.1` });
    for (const gw of [viaStatus, viaAnnotation]) {
      const strict = publishedAddresses(cluster("east"), gw, {}, false);
      expect(strict.ips).toEqual(["10.0.0.1"]);
      expect(strict.conditions).toEqual([
        {
          severity: "error",
          reason: "RejectedGatewayAddress",
          cluster: "east",
          subject: "IngressGateway bookinfo/eastwest-gateway",
          message: expect.stringMatching(new RegExp(`^address ${address.replace(/\./g, "\\.")} is .*${words.replace(/[()/.]/g, "\\$&")}.*; it is not published to other clusters\\.$`)),
        },
      ]);
      const lab = publishedAddresses(cluster("east"), gw, {}, true);
      expect(lab.ips).toEqual(allowedInLab ? ["10.0.0.1", address].sort(compareAddresses) : ["10.0.0.1"]);
    }
  });

  it.each([
    ["10.0.0.1"], ["172.16.0.1"], ["192.168.1.1"], ["18.168.99.230"], ["126.255.255.255"], ["128.0.0.1"], ["169.253.0.1"],
    ["223.255.255.255"], ["fd00::1"], ["2001:db8::1"], ["::2"], ["fec0::1"], ["feff::1"], ["::ffff:10.0.0.1"],
  ])("%s is published", (address) => {
    expect(published(ips(address), undefined, false)).toEqual({ ips: [address], reasons: [] });
  });

  it.each<[string, GatewayAddress[], boolean, string[], string[]]>([
    ["localhost is a loopback name, rejected without resolving it", [{ hostname: "localhost" }], false, [], ["RejectedGatewayAddress", "GatewayWithoutAddresses"]],
    ["so is any *.localhost", [{ hostname: "gw.LOCALHOST" }], false, [], ["RejectedGatewayAddress", "GatewayWithoutAddresses"]],
    ["the lab may publish localhost once it resolves", [{ hostname: "localhost" }], true, ["127.0.0.1"], []],
    ["a name resolving to a link-local address: that answer is rejected, the rest published", [{ hostname: "metadata.example.com" }], false, ["10.0.0.10"], ["RejectedGatewayAddress"]],
    ["only rejected addresses: the gateway publishes nothing, and says why", ips("0.0.0.0", "224.0.0.1"), true, [], ["RejectedGatewayAddress", "RejectedGatewayAddress", "GatewayWithoutAddresses"]],
  ])("%s", (_, addresses, allowLoopback, expected, reasons) => {
    expect(published(addresses, undefined, allowLoopback)).toEqual({ ips: expected, reasons });
  });

  it("names the resolved name and the address it resolved to", () => {
    const gw = eastWestGateway([], { addresses: [{ hostname: "metadata.example.com" }] });
    const [condition] = publishedAddresses(cluster("east"), gw, resolved, false).conditions;
    expect(condition?.message).toBe(
      "metadata.example.com resolved to 169.254.169.254 is a link-local (169.254.0.0/16) address, reachable only on the gateway's own network link; it is not published to other clusters.",
    );
  });
});

describe(`at most ${MAX_GATEWAY_ADDRESSES} addresses per gateway`, () => {
  const many = (n: number) => Array.from({ length: n }, (_, i) => `10.0.${Math.floor(i / 250)}.${(i % 250) + 1}`);

  it.each([
    [1, 1, []],
    [MAX_GATEWAY_ADDRESSES, MAX_GATEWAY_ADDRESSES, []],
    [MAX_GATEWAY_ADDRESSES + 1, MAX_GATEWAY_ADDRESSES, ["TooManyGatewayAddresses"]],
    [MAX_EXAMINED_ADDRESSES, MAX_GATEWAY_ADDRESSES, ["TooManyGatewayAddresses"]],
  ])("%i addresses → %i published", (n, kept, reasons) => {
    // Given in reverse order: what is kept is the first ones in address order, whatever order they came in.
    for (const gw of [eastWestGateway([], { externalAddressesAnnotation: many(n).reverse().join(",") }), eastWestGateway(many(n).reverse())]) {
      const out = publishedAddresses(cluster("east"), gw, {}, false);
      expect({ ips: out.ips, reasons: out.conditions.map((c) => c.reason) }).toEqual({ ips: many(n).slice(0, kept), reasons });
    }
  });

  it("says how many there were and which were kept", () => {
    const gw = eastWestGateway([], { externalAddressesAnnotation: many(100).join(",") });
    const [condition] = publishedAddresses(cluster("east"), gw, {}, false).conditions;
    expect(condition).toMatchObject({ severity: "error", reason: "TooManyGatewayAddresses", subject: "IngressGateway bookinfo/eastwest-gateway" });
    expect(condition?.message).toBe(
      `the gateway publishes 100 addresses, more than the ${MAX_GATEWAY_ADDRESSES} allowed; only 10.0.0.1 … 10.0.0.16 (the first ${MAX_GATEWAY_ADDRESSES} in address order) are published.`,
    );
  });

  it(`reads at most ${MAX_EXAMINED_ADDRESSES} entries: 20,000 (a 256 KiB annotation) cost no more than that`, () => {
    const listed = many(20_000);
    const gw = eastWestGateway([], { externalAddressesAnnotation: [...listed.slice(MAX_EXAMINED_ADDRESSES), ...listed.slice(0, MAX_EXAMINED_ADDRESSES)].join(",") });
    const out = publishedAddresses(cluster("east"), gw, {}, false);
    // The first entries read are listed[1024…2047]: the lowest of those are published, never listed[0…15].
    expect(out.ips).toEqual(listed.slice(MAX_EXAMINED_ADDRESSES, MAX_EXAMINED_ADDRESSES + MAX_GATEWAY_ADDRESSES));
    expect(out.conditions.map((c) => c.message)).toEqual([
      `the gateway lists 20000 addresses (only the first ${MAX_EXAMINED_ADDRESSES} are read), more than the ${MAX_GATEWAY_ADDRESSES} allowed; only ${listed[MAX_EXAMINED_ADDRESSES] ?? ""} … ${listed[MAX_EXAMINED_ADDRESSES + MAX_GATEWAY_ADDRESSES - 1] ?? ""} (the first ${MAX_GATEWAY_ADDRESSES} in address order) are published.`,
    ]);
  });

  it("the status's ingress list is read within the same bound", () => {
    const out = publishedAddresses(cluster("east"), eastWestGateway(many(2_000)), {}, false);
    expect(out.ips).toEqual(many(MAX_GATEWAY_ADDRESSES));
    expect(out.conditions.map((c) => c.reason)).toEqual(["TooManyGatewayAddresses"]);
  });

  it("rejected addresses do not count, and the IPv6 ones sort after IPv4", () => {
    const list = [...many(MAX_GATEWAY_ADDRESSES - 1), "fd00::1", "fd00::2", "224.0.0.1", "0.0.0.0"];
    const out = published([], list.join(","), false);
    expect(out.ips).toEqual([...many(MAX_GATEWAY_ADDRESSES - 1), "fd00::1"]);
    expect(out.reasons).toEqual(["RejectedGatewayAddress", "RejectedGatewayAddress", "TooManyGatewayAddresses"]);
  });

  it("lists at most as many problems as addresses, then one condition counting the rest", () => {
    const junk = Array.from({ length: 2_000 }, (_, i) => `224.0.${Math.floor(i / 250)}.${i % 250}`);
    const gw = eastWestGateway([], { externalAddressesAnnotation: ["10.0.0.1", ...junk].join(",") });
    const out = publishedAddresses(cluster("east"), gw, {}, false);
    expect(out.ips).toEqual(["10.0.0.1"]);
    // 1 good + 1,023 multicast entries read (the other 977 are not): 16 listed, one condition for the rest.
    expect(out.conditions.map((c) => c.reason)).toEqual([...Array<string>(MAX_GATEWAY_ADDRESSES).fill("RejectedGatewayAddress"), "InvalidGatewayAddress", "TooManyGatewayAddresses"]);
    expect(out.conditions.at(-2)?.message).toBe(`${MAX_EXAMINED_ADDRESSES - 1 - MAX_GATEWAY_ADDRESSES} more address problems of this gateway are not listed; fix its addresses.`);
  });
});
