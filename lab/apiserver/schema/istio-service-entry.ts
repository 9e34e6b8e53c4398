// ServiceEntry and WorkloadEntry (networking.istio.io v1/v1beta1/v1alpha3) as their CRDs declare them: typed
// fields, the resolution/location enums, `hosts` required, ports keyed by name for server-side apply, and the
// CRDs' CEL rules (endpoints xor workloadSelector, CIDR only for NONE/STATIC, port ranges …).
import { enumOf, istioRoot, object, portNumber, str, stringMap, strings, uint32, workloadSelector } from "./istio-common";
import type { StructuralSchema } from "./structural";

const workloadEntryFields: Record<string, StructuralSchema> = {
  address: str("Address associated with the network endpoint without the port.", { maxLength: 256 }),
  labels: stringMap("One or more labels associated with the endpoint.", { maxProperties: 256 }),
  locality: str("The locality associated with the endpoint.", { maxLength: 2048 }),
  network: str("Network enables Istio to group endpoints resident in the same L3 domain/network.", { maxLength: 2048 }),
  ports: {
    type: "object", description: "Set of ports associated with the endpoint.", maxProperties: 128,
    additionalProperties: uint32(),
    "x-kubernetes-validations": [{ rule: "self.all(key, 0 < self[key] && self[key] <= 65535)", message: "port must be between 1-65535" }],
  },
  serviceAccount: str("The service account associated with the workload if a sidecar is present in the workload.", { maxLength: 253 }),
  weight: uint32("The load balancing weight associated with the endpoint."),
};

const WORKLOAD_ENTRY_RULES = [
  { rule: "has(self.address) || has(self.network)", message: "Address is required" },
  { rule: "(has(self.address) ? self.address : '').startsWith('unix://') ? !has(self.ports) : true", message: "UDS may not include ports" },
];

export const workloadEntrySpec: StructuralSchema = object(workloadEntryFields, {
  description: "Configuration affecting VMs onboarded into the mesh. See more details at: https://istio.io/docs/reference/config/networking/workload-entry.html",
  "x-kubernetes-validations": WORKLOAD_ENTRY_RULES,
});

const servicePort: StructuralSchema = object({
  name: str("Label assigned to the port.", { maxLength: 256 }),
  number: portNumber("A valid non-negative integer port number."),
  protocol: str("The protocol exposed on the port.", { maxLength: 256 }),
  targetPort: portNumber("The port number on the endpoint where the traffic will be received."),
}, { required: ["number", "name"] });

export const serviceEntrySpec: StructuralSchema = object({
  addresses: strings("The virtual IP addresses associated with the service.", { maxItems: 256, items: { type: "string", maxLength: 64 } }),
  endpoints: { type: "array", description: "One or more endpoints associated with the service.", maxItems: 4096, items: object(workloadEntryFields, { "x-kubernetes-validations": WORKLOAD_ENTRY_RULES }) },
  exportTo: strings("A list of namespaces to which this service is exported."),
  hosts: {
    type: "array", description: "The hosts associated with the ServiceEntry.", maxItems: 256, minItems: 1,
    items: { type: "string", "x-kubernetes-validations": [{ rule: "self != '*'", message: "hostname cannot be wildcard" }] },
  },
  location: enumOf(["MESH_EXTERNAL", "MESH_INTERNAL"], "Specify whether the service should be considered external to the mesh or part of the mesh."),
  ports: {
    type: "array", description: "The ports associated with the external service.", maxItems: 256, items: servicePort,
    "x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["name"],
    "x-kubernetes-validations": [{ rule: "self.all(l1, self.exists_one(l2, l1.number == l2.number))", message: "port number cannot be duplicated" }],
  },
  resolution: enumOf(["NONE", "STATIC", "DNS", "DNS_ROUND_ROBIN", "DYNAMIC_DNS"], "Service resolution mode for the hosts."),
  subjectAltNames: strings("If specified, the proxy will verify that the server certificate's subject alternate name matches one of the specified values."),
  workloadSelector: workloadSelector("labels", "Applicable only for MESH_INTERNAL services."),
}, {
  description: "Configuration affecting service registry. See more details at: https://istio.io/docs/reference/config/networking/service-entry.html",
  required: ["hosts"],
  "x-kubernetes-validations": [
    { rule: "(has(self.workloadSelector) ? 1 : 0) + (has(self.endpoints) ? 1 : 0) <= 1", message: "only one of WorkloadSelector or Endpoints can be set" },
    { rule: "!((has(self.addresses) ? self.addresses : []).exists(k, k.contains('/')) && !((has(self.resolution) ? self.resolution : 'NONE') in ['STATIC', 'NONE']))", message: "CIDR addresses are allowed only for NONE/STATIC resolution types" },
    { rule: "((has(self.resolution) ? self.resolution : 'NONE') == 'NONE') ? !has(self.endpoints) : true", message: "NONE mode cannot set endpoints" },
    { rule: "((has(self.resolution) ? self.resolution : '') == 'DNS_ROUND_ROBIN') ? ((has(self.endpoints) ? self.endpoints : []).size() <= 1) : true", message: "DNS_ROUND_ROBIN mode cannot have multiple endpoints" },
  ],
});

export const serviceEntrySchema = istioRoot(serviceEntrySpec);
export const workloadEntrySchema = istioRoot(workloadEntrySpec);
