// Istio networking kinds, as the Istio CRDs declare them (v1 stored, v1beta1 and v1alpha3 served too; status
// subresource; the CRDs' additionalPrinterColumns, shortNames and structural schemas, which lab-wire's OpenAPI
// documents publish from ResourceType.schema).
import { defineType } from "./define-type";
import { listHints, type StructuralSchema } from "./schema/index";
import { serviceEntrySchema, workloadEntrySchema } from "./schema/istio-service-entry";
import { destinationRuleSchema, gatewaySchema, virtualServiceSchema } from "./schema/istio-traffic";
import type { PrinterColumn, ResourceType } from "./types";

const age: PrinterColumn = {
  name: "Age", type: "date", jsonPath: ".metadata.creationTimestamp",
  description: "CreationTimestamp is a timestamp representing the server time when this object was created.",
};

/** Server-side apply merges lists by the schema's list-map keys (ServiceEntry ports by name). */
export function schemaFields(schema: StructuralSchema): Pick<ResourceType, "schema" | "listMapKeys" | "listSets"> {
  const hints = listHints(schema);
  return { schema, listMapKeys: hints.listMapKeys, listSets: hints.listSets };
}

function istio(kind: string, plural: string, shortNames: string[], printerColumns: PrinterColumn[], schema: StructuralSchema): ResourceType {
  return defineType({
    group: "networking.istio.io", version: "v1", servedVersions: ["v1", "v1beta1", "v1alpha3"], kind, plural, shortNames,
    categories: ["istio-io", "networking-istio-io"], custom: true, subresources: { status: true }, printerColumns, ...schemaFields(schema),
  });
}

export function istioTypes(): ResourceType[] {
  return [
    istio("ServiceEntry", "serviceentries", ["se"], [
      { name: "Hosts", type: "string", jsonPath: ".spec.hosts", description: "The hosts associated with the ServiceEntry" },
      { name: "Location", type: "string", jsonPath: ".spec.location", description: "Whether the service is external to the mesh or part of the mesh (MESH_EXTERNAL or MESH_INTERNAL)" },
      { name: "Resolution", type: "string", jsonPath: ".spec.resolution", description: "Service resolution mode for the hosts (NONE, STATIC, or DNS)" },
      age,
    ], serviceEntrySchema),
    istio("WorkloadEntry", "workloadentries", ["we"], [
      age,
      { name: "Address", type: "string", jsonPath: ".spec.address", description: "Address associated with the network endpoint." },
    ], workloadEntrySchema),
    istio("DestinationRule", "destinationrules", ["dr"], [
      { name: "Host", type: "string", jsonPath: ".spec.host", description: "The name of a service from the service registry" },
      age,
    ], destinationRuleSchema),
    istio("Gateway", "gateways", ["gw"], [], gatewaySchema),
    istio("VirtualService", "virtualservices", ["vs"], [
      { name: "Gateways", type: "string", jsonPath: ".spec.gateways", description: "The names of gateways and sidecars that should apply these routes" },
      { name: "Hosts", type: "string", jsonPath: ".spec.hosts", description: "The destination hosts to which traffic is being sent" },
      age,
    ], virtualServiceSchema),
  ];
}
