import { describe, expect, it } from "vitest";
import { isManagedByConsole, manifestRef } from "./manifest";

describe("manifest helpers", () => {
  it.each([
    [{ metadata: { labels: { "app.kubernetes.io/managed-by": "eastwest-console" } } }, true],
    [{ metadata: { labels: { "app.kubernetes.io/managed-by": "Helm" } } }, false],
    [{ metadata: {} }, false],
    [undefined, false],
  ])("isManagedByConsole(%j) = %s", (live, expected) => {
    expect(isManagedByConsole(live)).toBe(expected);
  });

  it.each([
    [{ kind: "IngressGateway", metadata: { name: "eastwest-gateway", namespace: "bookinfo" } }, "IngressGateway bookinfo/eastwest-gateway"],
    [{ kind: "Namespace", metadata: { name: "bookinfo" } }, "Namespace bookinfo"],
  ])("manifestRef %#", (m, expected) => {
    expect(manifestRef(m)).toBe(expected);
  });
});
