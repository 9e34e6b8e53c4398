import { describe, expect, it } from "vitest";
import { istioProtocol, meshPorts } from "./istio-protocol";
import type { ServicePort } from "./input";

const port = (name: string, protocol = "TCP", appProtocol?: string): ServicePort => ({ name, port: 80, protocol, ...(appProtocol ? { appProtocol } : {}) });

describe("Istio protocol selection", () => {
  it.each<[ServicePort, string | undefined]>([
    [port("http"), "HTTP"],
    [port("http-web"), "HTTP"],
    [port("grpc-api"), "GRPC"],
    [port("grpc-web"), "GRPC"],
    [port("tls"), "TLS"],
    [port("mongo-db"), "MONGO"],
    [port("web"), "TCP"],
    [port(""), "TCP"],
    [port("web", "TCP", "http"), "HTTP"],
    [port("http", "TCP", "kubernetes.io/h2c"), "HTTP2"],
    [port("dns", "UDP"), undefined],
    [port("sctp", "SCTP"), undefined],
  ])("%j → %s", (p, expected) => {
    expect(istioProtocol(p)).toBe(expected);
  });

  it("keeps meshable ports in port order", () => {
    const ports: ServicePort[] = [{ ...port("b"), port: 9090 }, { ...port("dns", "UDP"), port: 53 }, { ...port("a"), port: 8080 }];
    expect(meshPorts(ports).map((p) => p.port)).toEqual([8080, 9090]);
  });
});
