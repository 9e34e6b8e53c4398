// Istio networking kinds, as the Istio CRDs declare them (v1 stored, v1beta1 and v1alpha3 served too; status
// subresource; the CRDs' additionalPrinterColumns and shortNames).
import { defineType } from "./define-type";
import type { PrinterColumn, ResourceType } from "./types";

const age: PrinterColumn = {
  name: "Age", type: "date", jsonPath: ".metadata.creationTimestamp",
  description: "CreationTimestamp is a timestamp representing the server time when this object was created.",
};

function istio(kind: string, plural: string, shortNames: string[], printerColumns: PrinterColumn[], extra: Partial<ResourceType> = {}): ResourceType {
  return defineType({
    group: "networking.istio.io", version: "v1", servedVersions: ["v1", "v1beta1", "v1alpha3"], kind, plural, shortNames,
    categories: ["istio-io", "networking-istio-io"], custom: true, subresources: { status: true }, printerColumns, ...extra,
  });
}

export function istioTypes(): ResourceType[] {
  return [
    istio("ServiceEntry", "serviceentries", ["se"], [
      { name: "Hosts", type: "string", jsonPath: ".spec.hosts", description: "The hosts associated with the ServiceEntry" },
      { name: "Location", type: "string", jsonPath: ".spec.location", description: "Whether the service is external to the mesh or part of the mesh (MESH_EXTERNAL or MESH_INTERNAL)" },
      { name: "Resolution", type: "string", jsonPath: ".spec.resolution", description: "Service resolution mode for the hosts (NONE, STATIC, or DNS)" },
      age,
    ], { listMapKeys: { "spec.ports": ["name"] } }),
    istio("WorkloadEntry", "workloadentries", ["we"], [
      age,
      { name: "Address", type: "string", jsonPath: ".spec.address", description: "Address associated with the network endpoint." },
    ]),
    istio("DestinationRule", "destinationrules", ["dr"], [
      { name: "Host", type: "string", jsonPath: ".spec.host", description: "The name of a service from the service registry" },
      age,
    ]),
    istio("Gateway", "gateways", ["gw"], []),
    istio("VirtualService", "virtualservices", ["vs"], [
      { name: "Gateways", type: "string", jsonPath: ".spec.gateways", description: "The names of gateways and sidecars that should apply these routes" },
      { name: "Hosts", type: "string", jsonPath: ".spec.hosts", description: "The destination hosts to which traffic is being sent" },
      age,
    ]),
  ];
}
