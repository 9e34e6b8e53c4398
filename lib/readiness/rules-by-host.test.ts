import { describe, expect, it } from "vitest";
import { cluster, DETAILS } from "@/lib/plan/test-fixtures";
import { rulesByHost } from "./rules-by-host";
import { rule } from "./test-helpers";

describe("rulesByHost", () => {
  const west = cluster("west", {
    destinationRules: [
      rule("*.bookinfo.svc.cluster.local", { name: "wild" }),
      rule("details", { name: "short" }),
      rule("details", { name: "short-elsewhere", namespace: "shop" }),
      rule("details.bookinfo", { name: "half" }),
      rule(DETAILS, { name: "full", namespace: "xcp-multicluster" }),
      rule("*", { name: "all", namespace: "istio-system" }),
      rule("reviews.bookinfo.svc.cluster.local", { name: "other" }),
    ],
  });
  it.each([
    ["details: every covering rule, in the cluster's order", DETAILS, ["wild", "short", "half", "full", "all"]],
    ["a service no exact rule names: the wildcards", "ratings.bookinfo.svc.cluster.local", ["wild", "all"]],
    ["another namespace's short host is its own", "details.shop.svc.cluster.local", ["short-elsewhere", "all"]],
  ])("%s", (_name, fqdn, names) => {
    expect(rulesByHost()(west, fqdn).map((r) => r.name)).toEqual(names);
  });
});
