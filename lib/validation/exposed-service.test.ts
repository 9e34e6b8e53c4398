import { describe, expect, it } from "vitest";
import { DETAILS, REVIEWS, seedInput, service, withCluster } from "@/lib/plan/test-fixtures";
import { exposedServiceError, exposedServiceErrors } from "./exposed-service";
import { workspaceContext, type WorkspaceContext } from "./workspace-lookup";

function ctx(input = seedInput()): WorkspaceContext {
  const found = workspaceContext("workspace", "bookinfo-ws", input);
  if (!found.ok) throw new Error(found.error.message);
  return found.context;
}

// A cluster outside the workspace's scope that runs `legacy/details` (the workspace covers only bookinfo).
const withLegacy = () => withCluster(seedInput(), "north", (c) => { c.services.push(service("details", "legacy")); c.namespaces.push("legacy"); });

describe("exposedServiceError", () => {
  it.each([
    ["a service of the workspace", DETAILS, seedInput(), undefined],
    ["another one", REVIEWS, seedInput(), undefined],
    ["not an FQDN", "details.bookinfo", seedInput(), "is not a service FQDN"],
    ["wrong domain", "details.bookinfo.svc.example.com", seedInput(), "is not a service FQDN"],
    ["namespace outside the workspace", "details.legacy.svc.cluster.local", withLegacy(), "namespace legacy is not in workspace bookinfo-ws"],
    ["the gateway's own Service", "eastwest-gateway.bookinfo.svc.cluster.local", seedInput(), "east-west gateway's own Service"],
    ["a service nobody runs", "payments.bookinfo.svc.cluster.local", seedInput(), "no cluster of it runs that service (services in bookinfo: details, productpage, ratings, reviews)"],
  ])("%s", (_, fqdn, input, message) => {
    const error = exposedServiceError("exposure.services.0", fqdn, ctx(input));
    if (message === undefined) expect(error).toBeUndefined();
    else {
      expect(error?.field).toBe("exposure.services.0");
      expect(error?.message).toContain(message);
    }
  });

  it("explains a service running only where the workspace does not cover its namespace", () => {
    const input = seedInput();
    input.workspaces[0] = { ...input.workspaces[0], name: "bookinfo-ws", namespaceSelector: ["west/bookinfo", "east/bookinfo"] };
    withCluster(input, "west", (c) => { c.services = c.services.filter((s) => s.name !== "details"); });
    withCluster(input, "east", (c) => { c.services = c.services.filter((s) => s.name !== "details"); });
    withCluster(input, "north", (c) => { c.services.push(service("details")); });
    expect(exposedServiceError("f", DETAILS, ctx(input))?.message).toBe(
      `${DETAILS} runs only in north, where workspace bookinfo-ws does not cover namespace bookinfo; widen the namespaceSelector (e.g. */bookinfo).`,
    );
  });
});

describe("exposedServiceErrors", () => {
  it("indexes errors and flags duplicates", () => {
    const errors = exposedServiceErrors("s", [DETAILS, "bad", DETAILS], ctx());
    expect(errors.map((e) => e.field)).toEqual(["s.1", "s.2"]);
    expect(errors[1]?.message).toContain("listed twice");
  });
});
