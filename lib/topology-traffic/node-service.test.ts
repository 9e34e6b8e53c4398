import { describe, expect, it } from "vitest";
import { gatewayNodeId, namespaceNodeId, serviceEntryNodeId, serviceNodeId, clusterNodeId } from "@/lib/topology/ids";
import { serviceOfNodeId } from "./node-service";

const DETAILS = "details.bookinfo.svc.cluster.local";

describe("serviceOfNodeId", () => {
  it.each<[string, string, ReturnType<typeof serviceOfNodeId>]>([
    ["a service node", serviceNodeId("west", DETAILS), { cluster: "west", fqdn: DETAILS }],
    ["a ServiceEntry host", serviceEntryNodeId("east-1", "api.example.com"), { cluster: "east-1", fqdn: "api.example.com" }],
    ["a cluster", clusterNodeId("west"), undefined],
    ["a namespace", namespaceNodeId("west", "bookinfo"), undefined],
    ["a gateway", gatewayNodeId("west", "istio-system", "eastwest"), undefined],
    ["no cluster", "svc:/details", undefined],
    ["no FQDN", "svc:west/", undefined],
    ["no slash", "svc:west", undefined],
  ])("%s", (_name, id, expected) => {
    expect(serviceOfNodeId(id)).toEqual(expected);
  });
});
