// The Istio protocol of a Service port, as Istio itself selects it: `appProtocol` first, then the port name's
// prefix (`http`, `http-web`, `grpc-api` …), else TCP. UDP and SCTP ports are not carried by the mesh.
import type { ServicePort } from "./input";

const KNOWN: Record<string, string> = {
  http: "HTTP",
  https: "HTTPS",
  http2: "HTTP2",
  grpc: "GRPC",
  "grpc-web": "GRPC-Web",
  mongo: "MONGO",
  mysql: "MySQL",
  redis: "Redis",
  tcp: "TCP",
  tls: "TLS",
  "kubernetes.io/h2c": "HTTP2",
  "kubernetes.io/ws": "HTTP",
  "kubernetes.io/wss": "HTTPS",
};

/** undefined when the port cannot be meshed (a non-TCP L4 protocol). */
export function istioProtocol(port: ServicePort): string | undefined {
  if (port.protocol !== "" && port.protocol.toUpperCase() !== "TCP") return undefined;
  const app = port.appProtocol?.toLowerCase();
  if (app && KNOWN[app]) return KNOWN[app];
  const prefix = port.name.toLowerCase().split("-")[0] ?? "";
  return KNOWN[prefix] ?? KNOWN[port.name.toLowerCase()] ?? "TCP";
}

/** The ports the mesh carries, in port-number order. */
export function meshPorts(ports: readonly ServicePort[]): Array<ServicePort & { istioProtocol: string }> {
  return ports
    .flatMap((p) => {
      const proto = istioProtocol(p);
      return proto === undefined ? [] : [{ ...p, istioProtocol: proto }];
    })
    .sort((a, b) => a.port - b.port);
}
