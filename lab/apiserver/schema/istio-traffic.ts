// DestinationRule, Gateway and VirtualService as their CRDs declare them (networking.istio.io v1): typed fields
// and enums for what the console and the lab's data plane read (hosts, subsets, load balancing, outlier
// detection, TLS, servers, routes); deep policy blocks the lab does not interpret (connection pools, consistent
// hashing, HTTP match/rewrite/fault details) are typed at their top and kept as written.
import { bool, duration, enumOf, int32, istioRoot, object, opaque, portNumber, str, stringMap, strings, uint32, workloadSelector } from "./istio-common";
import type { StructuralSchema } from "./structural";

const TLS_VERSIONS = ["TLS_AUTO", "TLSV1_0", "TLSV1_1", "TLSV1_2", "TLSV1_3"];

const localityLb = object({
  distribute: { type: "array", items: object({ from: str(), to: { type: "object", additionalProperties: uint32() } }) },
  enabled: bool("Enable locality load balancing."),
  failover: { type: "array", items: object({ from: str(), to: str() }) },
  failoverPriority: strings("failoverPriority is an ordered list of labels used to sort endpoints to do priority based load balancing."),
});

const outlierDetection = object({
  baseEjectionTime: duration("Minimum ejection duration."),
  consecutive5xxErrors: { type: "integer", nullable: true, minimum: 0, maximum: 4294967295 },
  consecutiveErrors: int32(),
  consecutiveGatewayErrors: { type: "integer", nullable: true, minimum: 0, maximum: 4294967295 },
  consecutiveLocalOriginFailures: { type: "integer", nullable: true, minimum: 0, maximum: 4294967295 },
  interval: duration("Time interval between ejection sweep analysis."),
  maxEjectionPercent: int32("Maximum % of hosts in the load balancing pool for the upstream service that can be ejected."),
  minHealthPercent: int32("Outlier detection will be enabled as long as the associated load balancing pool has at least `minHealthPercent` hosts in healthy mode."),
  splitExternalLocalOriginErrors: { type: "boolean" },
});

const clientTls = object({
  caCertificates: str(), caCrl: str(), clientCertificate: str(), credentialName: str(),
  insecureSkipVerify: bool(), privateKey: str(), sni: str(), subjectAltNames: strings(),
  mode: enumOf(["DISABLE", "SIMPLE", "MUTUAL", "ISTIO_MUTUAL"], "Indicates whether connections to this port should be secured using TLS."),
});

const policyFields: Record<string, StructuralSchema> = {
  connectionPool: opaque("Settings controlling the volume of connections to an upstream service."),
  loadBalancer: object({
    consistentHash: opaque(),
    localityLbSetting: localityLb,
    simple: enumOf(["UNSPECIFIED", "RANDOM", "PASSTHROUGH", "ROUND_ROBIN", "LEAST_REQUEST", "LEAST_CONN"]),
    warmup: opaque(),
    warmupDurationSecs: str(),
  }),
  outlierDetection,
  tls: clientTls,
};

const trafficPolicy = object({
  ...policyFields,
  portLevelSettings: { type: "array", maxItems: 4096, items: object({ ...policyFields, port: object({ number: portNumber("") }) }) },
  proxyProtocol: opaque(),
  tunnel: opaque(),
});

export const destinationRuleSpec = object({
  exportTo: strings("A list of namespaces to which this destination rule is exported."),
  host: str("The name of a service from the service registry."),
  subsets: { type: "array", items: object({ labels: stringMap("Labels apply a filter over the endpoints of a service in the service registry."), name: str("Name of the subset."), trafficPolicy }, { required: ["name"] }) },
  trafficPolicy,
  workloadSelector: workloadSelector("matchLabels", "Criteria used to select the specific set of pods/VMs on which this `DestinationRule` configuration should be applied."),
}, { required: ["host"], description: "Configuration affecting load balancing, outlier detection, etc." });

const serverTls = object({
  caCertificates: str(), caCrl: str(), cipherSuites: strings(), credentialName: str(), credentialNames: strings(),
  httpsRedirect: { type: "boolean" }, privateKey: str(), serverCertificate: str(), subjectAltNames: strings(),
  verifyCertificateHash: strings(), verifyCertificateSpki: strings(),
  maxProtocolVersion: enumOf(TLS_VERSIONS), minProtocolVersion: enumOf(TLS_VERSIONS),
  mode: enumOf(["PASSTHROUGH", "SIMPLE", "MUTUAL", "AUTO_PASSTHROUGH", "ISTIO_MUTUAL", "OPTIONAL_MUTUAL"]),
});

export const gatewaySpec = object({
  selector: stringMap("One or more labels that indicate a specific set of pods/VMs on which this gateway configuration should be applied."),
  servers: {
    type: "array", description: "A list of server specifications.",
    items: object({
      bind: str(), defaultEndpoint: str(), hosts: strings("One or more hosts exposed by this gateway."), name: str("An optional name of the server."),
      port: object({ name: str("Label assigned to the port."), number: uint32("A valid non-negative integer port number."), protocol: str("The protocol exposed on the port."), targetPort: uint32() }, { required: ["number", "protocol", "name"] }),
      tls: serverTls,
    }, { required: ["port", "hosts"] }),
  },
}, { description: "Configuration affecting edge load balancer." });

const destination = object({ host: str("The name of a service from the service registry."), port: object({ number: uint32() }), subset: str() }, { required: ["host"] });
const routeDestinations = { type: "array" as const, items: object({ destination, headers: opaque(), weight: int32() }, { required: ["destination"] }) };

const httpRoute = object({
  corsPolicy: opaque(), delegate: object({ name: str(), namespace: str() }), directResponse: opaque(), fault: opaque(), headers: opaque(),
  match: { type: "array", items: opaque() }, mirror: opaque(), mirrorPercentage: opaque(), mirrors: { type: "array", items: opaque() },
  name: str("The name assigned to the route for debugging purposes."), redirect: opaque(), retries: opaque(), rewrite: opaque(),
  route: routeDestinations, timeout: duration("Timeout for HTTP requests, default is disabled."),
});

export const virtualServiceSpec = object({
  exportTo: strings("A list of namespaces to which this virtual service is exported."),
  gateways: strings("The names of gateways and sidecars that should apply these routes."),
  hosts: strings("The destination hosts to which traffic is being sent."),
  http: { type: "array", items: httpRoute },
  tcp: { type: "array", items: object({ match: { type: "array", items: opaque() }, route: routeDestinations }) },
  tls: { type: "array", items: object({ match: { type: "array", items: opaque() }, route: routeDestinations }, { required: ["match"] }) },
}, { description: "Configuration affecting label/content routing, sni routing, etc." });

export const destinationRuleSchema = istioRoot(destinationRuleSpec);
export const gatewaySchema = istioRoot(gatewaySpec);
export const virtualServiceSchema = istioRoot(virtualServiceSpec);
