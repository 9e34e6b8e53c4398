import { describe, expect, it } from "vitest";
import { exposedServices } from "./exposure";
import type { PlanInput } from "./input";
import { workspaceScope } from "./workspace-scope";
import { bookinfoCluster, cluster, DETAILS, REVIEWS, seedInput, service, workspace } from "./test-fixtures";

function expose(input: PlanInput) {
  const ws = input.workspaces[0] ?? workspace(undefined);
  const { scope } = workspaceScope(ws, input.clusters);
  const { services, conditions } = exposedServices(ws, scope, input.clusters);
  return {
    exposed: services.map((s) => `${s.fqdn} @ ${s.instances.map((i) => i.cluster.name).join(",")}`),
    reasons: conditions.map((c) => c.reason),
  };
}

describe("exposed services (§3.1)", () => {
  it.each([
    ["absent list → every service of the workspace", "absent" as const, [
      "details.bookinfo.svc.cluster.local @ east,west",
      "productpage.bookinfo.svc.cluster.local @ east,north,west",
      "ratings.bookinfo.svc.cluster.local @ east,west",
      "reviews.bookinfo.svc.cluster.local @ east,west",
    ]],
    ["empty list → every service", [], 4],
    ["listed FQDNs only", [REVIEWS, DETAILS, DETAILS], ["details.bookinfo.svc.cluster.local @ east,west", "reviews.bookinfo.svc.cluster.local @ east,west"]],
  ])("%s", (_, exposed, expected) => {
    const { exposed: got, reasons } = expose(seedInput({ exposed }));
    if (typeof expected === "number") expect(got).toHaveLength(expected);
    else expect(got).toEqual(expected);
    expect(reasons).toEqual([]);
  });

  it.each([
    ["nope.bookinfo.svc.cluster.local", "ExposedServiceNotFound"],
    ["details.bookinfo", "InvalidExposedService"],
    ["details.bookinfo.svc.cluster.local.", "InvalidExposedService"],
    ["sleep.sleep.svc.cluster.local", "ExposedServiceOutsideWorkspace"],
    ["eastwest-gateway.bookinfo.svc.cluster.local", "GatewayServiceExposed"],
  ])("%s → %s, the valid entries still exposed", (entry, reason) => {
    const input = seedInput({ exposed: [entry, DETAILS] });
    input.clusters[0]?.services.push(service("sleep", "sleep"));
    input.clusters[0]?.namespaces.push("sleep");
    const { exposed, reasons } = expose(input);
    expect(reasons).toEqual([reason]);
    expect(exposed).toEqual(["details.bookinfo.svc.cluster.local @ east,west"]);
  });

  it("never matches the same name in a different namespace (§3.3)", () => {
    const input: PlanInput = {
      clusters: [
        bookinfoCluster("west", ["details"], true),
        cluster("east", { namespaces: ["other", "xcp-multicluster"], services: [service("details", "other")] }),
      ],
      workspaces: [workspace(undefined, { namespaceSelector: ["*/bookinfo", "*/other"] })],
    };
    expect(expose(input).exposed).toEqual(["details.bookinfo.svc.cluster.local @ west", "details.other.svc.cluster.local @ east"]);
  });

  it("ignores services in namespaces the workspace does not cover", () => {
    const input = seedInput({ exposed: [] });
    input.clusters[0]?.services.push(service("sleep", "sleep"));
    input.clusters[0]?.namespaces.push("sleep");
    expect(expose(input).exposed.some((e) => e.startsWith("sleep."))).toBe(false);
  });
});
