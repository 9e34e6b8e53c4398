import { describe, expect, it } from "vitest";
import { flowsOf, servedByOf } from "./from-vector";
import type { PromSample } from "./prometheus-response";

const DETAILS = "details.bookinfo.svc.cluster.local";
const REVIEWS = "reviews.bookinfo.svc.cluster.local";

const s = (source: string, destination: string, codeClass: string, value: number, fqdn = DETAILS): PromSample => ({
  metric: { source_cluster: source, destination_cluster: destination, destination_service: fqdn, code_class: codeClass },
  value,
});

describe("flowsOf", () => {
  it.each<[string, PromSample[], ReturnType<typeof flowsOf>]>([
    ["nothing", [], []],
    ["one flow: response classes summed, 5xx is the error share", [s("west", "west", "2xx", 3), s("west", "west", "5xx", 1)], [{ sourceCluster: "west", destinationCluster: "west", fqdn: DETAILS, rps: 4, errorRate: 0.25 }]],
    ["4xx and no-response (0xx) are requests, not 5xx errors", [s("west", "east", "4xx", 1), s("west", "east", "0xx", 1)], [{ sourceCluster: "west", destinationCluster: "east", fqdn: DETAILS, rps: 2, errorRate: 0 }]],
    ["a series at rate 0 is no flow", [s("west", "west", "2xx", 0)], []],
    [
      "flows sorted by service, source, destination",
      [s("west", "west", "2xx", 1, REVIEWS), s("west", "east", "2xx", 2), s("east", "east", "2xx", 1)],
      [
        { sourceCluster: "east", destinationCluster: "east", fqdn: DETAILS, rps: 1, errorRate: 0 },
        { sourceCluster: "west", destinationCluster: "east", fqdn: DETAILS, rps: 2, errorRate: 0 },
        { sourceCluster: "west", destinationCluster: "west", fqdn: REVIEWS, rps: 1, errorRate: 0 },
      ],
    ],
    ["a missing label reads unknown", [{ metric: { destination_service: DETAILS, code_class: "2xx" }, value: 1 }], [{ sourceCluster: "unknown", destinationCluster: "unknown", fqdn: DETAILS, rps: 1, errorRate: 0 }]],
  ])("%s", (_name, samples, flows) => {
    expect(flowsOf(samples)).toEqual(flows);
  });
});

describe("servedByOf", () => {
  it.each<[string, PromSample[], ReturnType<typeof servedByOf>]>([
    ["served locally", [s("west", "west", "2xx", 2)], [{ sourceCluster: "west", fqdn: DETAILS, rps: 2, errorRate: 0, servedBy: [{ cluster: "west", share: 1, rps: 2 }] }]],
    [
      "failed over: east serves all of west's requests",
      [s("west", "east", "2xx", 1)],
      [{ sourceCluster: "west", fqdn: DETAILS, rps: 1, errorRate: 0, servedBy: [{ cluster: "east", share: 1, rps: 1 }] }],
    ],
    [
      "split, largest share first; errors over the whole row",
      [s("west", "west", "2xx", 1), s("west", "east", "2xx", 2), s("west", "east", "5xx", 1)],
      [{ sourceCluster: "west", fqdn: DETAILS, rps: 4, errorRate: 0.25, servedBy: [{ cluster: "east", share: 0.75, rps: 3 }, { cluster: "west", share: 0.25, rps: 1 }] }],
    ],
    [
      "requests no cluster answered count in the rate, serve nobody",
      [s("west", "unknown", "0xx", 1), s("west", "east", "2xx", 3)],
      [{ sourceCluster: "west", fqdn: DETAILS, rps: 4, errorRate: 0, servedBy: [{ cluster: "east", share: 0.75, rps: 3 }] }],
    ],
    [
      "one row per source cluster and service",
      [s("west", "west", "2xx", 1), s("east", "east", "2xx", 1)],
      [
        { sourceCluster: "east", fqdn: DETAILS, rps: 1, errorRate: 0, servedBy: [{ cluster: "east", share: 1, rps: 1 }] },
        { sourceCluster: "west", fqdn: DETAILS, rps: 1, errorRate: 0, servedBy: [{ cluster: "west", share: 1, rps: 1 }] },
      ],
    ],
  ])("%s", (_name, samples, rows) => {
    expect(servedByOf(flowsOf(samples))).toEqual(rows);
  });
});
