import { describe, expect, it } from "vitest";
import { DETAILS, seedInput, withCluster } from "@/lib/plan/test-fixtures";
import { checkPorts } from "./check-ports";
import { contextOf } from "./test-helpers";

const noSetting = () => {
  const input = seedInput();
  input.workspaces = input.workspaces.map(({ name, namespace, namespaceSelector }) => ({ name, ...(namespace ? { namespace } : {}), namespaceSelector }));
  return input;
};

describe("checkPorts", () => {
  it.each([
    ["same ports", seedInput(), "pass", "details and reviews serve the same ports in every cluster running them."],
    [
      "east's details on another port",
      withCluster(seedInput(), "east", (c) => {
        c.services = c.services.map((s) => (s.name === "details" ? { ...s, ports: [{ name: "http", port: 9081, protocol: "TCP" }] } : s));
      }),
      "fail",
      `ports differ between clusters: ${DETAILS} (east: http/9081; west: http/9080); requests on a port the remote instance lacks cannot fail over.`,
    ],
    ["only one cluster runs each exposed service", withCluster(seedInput({ exposed: [DETAILS] }), "east", (c) => { c.services = c.services.filter((s) => s.name !== "details"); }), "pass", "no exposed service runs in more than one cluster, so there are no ports to compare."],
    ["no WorkspaceSetting", noSetting(), "warn", "workspace bookinfo-ws has no WorkspaceSetting, so it exposes nothing."],
  ])("%s", (_, input, status, reason) => {
    expect(checkPorts(contextOf(input))).toMatchObject({ id: "service-ports", status, reason });
  });
});
