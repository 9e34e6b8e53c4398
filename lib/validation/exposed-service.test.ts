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

describe("exposedServiceErrors on long lists", () => {
  it("flags every repeat of a duplicate, however far apart, and keeps first occurrences clean", () => {
    const list = [DETAILS, ...Array.from({ length: 5_000 }, (_, i) => `svc-${i}.bookinfo.svc.cluster.local`), DETAILS, REVIEWS, REVIEWS];
    const errors = exposedServiceErrors("s", list, ctx());
    const duplicates = errors.filter((e) => e.message.includes("listed twice")).map((e) => e.field);
    expect(duplicates).toEqual(["s.5001", "s.5003"]);
    expect(errors).toHaveLength(5_002);
  });

  it("keeps each message short however many services the namespace has", () => {
    const input = withCluster(seedInput(), "west", (c) => { for (let i = 0; i < 2_000; i++) c.services.push(service(`svc-${i}`)); });
    const [error] = exposedServiceErrors("s", ["payments.bookinfo.svc.cluster.local"], ctx(input));
    expect(error?.message).toMatch(/and 1,99\d more\); check the name\.$/);
    expect(error?.message.length).toBeLessThan(400);
  });

  it("quotes a malformed entry cut to 80 characters", () => {
    const [error] = exposedServiceErrors("s", ["x".repeat(10_000)], ctx());
    expect(error?.message).toBe(`"${"x".repeat(80)}… (10,000 characters)" is not a service FQDN; write <service>.<namespace>.svc.cluster.local, e.g. details.bookinfo.svc.cluster.local.`);
  });
});
