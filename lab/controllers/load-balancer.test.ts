import { describe, expect, it } from "vitest";
import { LOAD_BALANCER_HOSTNAME_ANNOTATION, loadBalancerAddresses, loadBalancerIngress } from "./load-balancer";

describe("the cloud load balancer stand-in", () => {
  it.each<{ name: string; annotations: Record<string, string> | undefined; hostname: string | undefined }>([
    { name: "no annotation: three loopback IPs", annotations: undefined, hostname: undefined },
    { name: "another annotation: three loopback IPs", annotations: { "example.com/x": "y" }, hostname: undefined },
    { name: "blank hostname: three loopback IPs", annotations: { [LOAD_BALANCER_HOSTNAME_ANNOTATION]: "  " }, hostname: undefined },
    { name: "hostname: only the name, as an AWS ELB", annotations: { [LOAD_BALANCER_HOSTNAME_ANNOTATION]: "east-gw.lab.internal" }, hostname: "east-gw.lab.internal" },
  ])("$name", ({ annotations, hostname }) => {
    const ingress = loadBalancerIngress("east", "bookinfo", "eastwest-gateway", annotations);
    if (hostname) expect(ingress).toEqual([{ hostname }]);
    else expect(ingress).toEqual(loadBalancerAddresses("east", "bookinfo", "eastwest-gateway").map((ip) => ({ ip, ipMode: "VIP" })));
  });
});
