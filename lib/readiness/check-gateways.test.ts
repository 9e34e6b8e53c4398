import { describe, expect, it } from "vitest";
import { seedInput, withCluster } from "@/lib/plan/test-fixtures";
import { checkGateways } from "./check-gateways";
import { gatewayKey } from "./gateway-pods";
import { haChecklist } from "./ha-checklist";
import { contextOf } from "./test-helpers";

describe("checkGateways", () => {
  it.each([
    ["every cluster has one", seedInput({ northGateway: true }), "pass", "gateways matching app=eastwest-gateway publish addresses in east (3 addresses), north (3 addresses) and west (3 addresses)."],
    ["north has none", seedInput(), "fail", "no east-west gateway (pods labelled app=eastwest-gateway, port 15443) in north."],
    [
      "east's has no address",
      withCluster(seedInput({ northGateway: true }), "east", (c) => { c.gateways = c.gateways.map((g) => ({ ...g, addresses: [] })); }),
      "fail",
      "east: the gateway publishes no address (its LoadBalancer has no ingress address yet); set the xcp.tetrate.io/cluster-external-addresses annotation or use a LoadBalancer so other clusters can reach it.",
    ],
    [
      "east's lacks 15443",
      withCluster(seedInput({ northGateway: true }), "east", (c) => { c.gateways = c.gateways.map((g) => ({ ...g, ports: [{ name: "http", port: 80, protocol: "TCP" }] })); }),
      "fail",
      "no east-west gateway (pods labelled app=eastwest-gateway, port 15443) in east.",
    ],
  ])("%s", (_, input, status, reason) => {
    expect(checkGateways(contextOf(input))).toMatchObject({ id: "gateways", status, reason });
  });

  it("offers the IngressGateway to apply where one is missing", () => {
    const item = checkGateways(contextOf(seedInput()));
    expect(item.fix).toContain('"Deploy east-west gateway" action for north');
    expect(item.command?.split("\n")[0]).toBe("kubectl --context north apply --server-side --field-manager=eastwest-console -f - <<'EOF'");
    expect(item.command).toContain("  name: eastwest-gateway\n  namespace: bookinfo\n");
  });
});

describe("checkGateways with clusters the console cannot see now", () => {
  it.each([
    [
      "north stale with no gateway in its last known state: said, but nothing to deploy there",
      withCluster(seedInput(), "north", (c) => { c.stale = true; }),
      new Map(),
      "no east-west gateway (pods labelled app=eastwest-gateway, port 15443) in the last known state of north (stale).",
      "Nothing can be deployed to north until it answers.",
      undefined,
    ],
    [
      "north never reached since the console started: unknown, neither missing nor offered",
      withCluster(seedInput({ northGateway: true }), "north", (c) => { c.stale = true; c.namespaces = []; c.services = []; c.gateways = []; }),
      new Map([["north", { neverSynced: true }]]),
      "gateways matching app=eastwest-gateway publish addresses in east (3 addresses) and west (3 addresses); north has not been reached since the console started, so its gateways are unknown.",
      "Nothing to do here until those clusters answer (see the connection check).",
      undefined,
    ],
  ])("%s", (_, input, freshness, reason, fix, command) => {
    const item = checkGateways(contextOf(input, { freshness }));
    expect(item).toMatchObject({ reason, fix });
    expect(item.command).toBe(command);
    expect(item.status).not.toBe("pass");
  });
});

describe("checkGateways with the gateways' pods counted", () => {
  const input = seedInput({ northGateway: true });
  /** Every gateway of the seed with `pods`, except east's with `east`. */
  const podsWith = (east: { ready: number; total: number }) =>
    new Map(
      input.clusters.flatMap((c) =>
        c.gateways.map((g) => [gatewayKey(c.name, g.namespace, g.name), { ...(c.name === "east" ? east : { ready: 2, total: 2 }), crashLooping: 0 }] as const),
      ),
    );
  const eastGateway = input.clusters.find((c) => c.name === "east")?.gateways[0];

  it.each([
    ["every gateway has a ready pod: passes", { ready: 1, total: 3 }, "pass", undefined],
    ["east publishes addresses with none of its 2 pods ready: fails", { ready: 0, total: 2 }, "fail", "none of its 2 pods is ready"],
    ["east publishes addresses with no pods at all: fails", { ready: 0, total: 0 }, "fail", "has no pods"],
  ])("%s", (_, east, status, says) => {
    const item = checkGateways(contextOf(input, { gatewayPods: podsWith(east) }));
    expect(item.status).toBe(status);
    if (says) {
      expect(item.reason).toBe(`east: gateway ${eastGateway?.namespace}/${eastGateway?.name} publishes addresses but ${says}, so nothing answers on them.`);
      expect(item.fix).toBe("Make the gateway's pods ready (kubectl describe pod shows why they are not).");
    }
  });

  it("makes the workspace not ready", () => {
    const result = haChecklist(input, input.workspaces[0]?.name ?? "", { gatewayPods: podsWith({ ready: 0, total: 1 }) });
    expect(result.ok && result.checklist.ready).toBe(false);
    expect(result.ok && result.checklist.items.find((i) => i.id === "gateways")?.status).toBe("fail");
  });
});
