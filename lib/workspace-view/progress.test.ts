import { describe, expect, it } from "vitest";
import { detailIsProgressing, gatewayStep, sameExposure } from "./progress";
import { failoverSummary } from "./failover-page";
import type { Exposure, GatewayState, WorkspaceCluster, WorkspaceDetail } from "./types";

const gw = (over: Partial<GatewayState>): GatewayState => ({
  cluster: "west",
  name: "eastwest-gateway",
  namespace: "bookinfo",
  managedByConsole: true,
  pods: { ready: 1, total: 1, crashLooping: 0 },
  service: { type: "LoadBalancer", addresses: ["10.0.0.1"], has15443: true },
  phase: "ready",
  problems: [],
  ...over,
});

const detail = (gateways: GatewayState[], freshness: WorkspaceCluster["freshness"] = { state: "synced", everSynced: true }): WorkspaceDetail => ({
  name: "ws",
  namespaceSelector: ["*/bookinfo"],
  settingsForm: "seed",
  exposure: { mode: "all" },
  managementCluster: "west",
  clusters: [{ name: "west", management: true, freshness, namespaces: ["bookinfo"], gateways }],
  services: [],
  readiness: { workspace: "ws", ready: true, items: [] },
  failover: failoverSummary([], 0),
  conditions: [],
});

const ref = { cluster: "west", name: "eastwest-gateway", namespace: "bookinfo" };

describe("gatewayStep", () => {
  it.each([
    ["not reported yet", detail([]), "waiting"],
    ["pods starting", detail([gw({ phase: "progressing", pods: { ready: 0, total: 1, crashLooping: 0 } })]), "pods"],
    ["no address yet", detail([gw({ phase: "progressing", service: { type: "LoadBalancer", addresses: [], has15443: true } })]), "address"],
    ["crash-looping", detail([gw({ phase: "problem", pods: { ready: 0, total: 1, crashLooping: 1 }, problems: ["1 pod crash-looping"] })]), "problem"],
    ["ready", detail([gw({})]), "ready"],
    ["stale cluster", detail([gw({})], { state: "stale", everSynced: true, staleSince: "2026-01-01T00:00:00Z" }), "stale"],
  ] as const)("%s", (_name, d, step) => {
    expect(gatewayStep(d, ref).step).toBe(step);
  });
});

describe("detailIsProgressing", () => {
  it("is true while a gateway progresses and false once all are ready", () => {
    expect(detailIsProgressing(detail([gw({ phase: "progressing" })]))).toBe(true);
    expect(detailIsProgressing(detail([gw({})]))).toBe(false);
  });
  it("is true while a service is still propagating", () => {
    const d = { ...detail([gw({})]), propagation: [{ fqdn: "a", clusters: [{ cluster: "north", state: "pending" as const, present: 0, expected: 1 }] }] };
    expect(detailIsProgressing(d)).toBe(true);
  });
  it("ignores gateways of stale clusters (they cannot move until the cluster answers)", () => {
    expect(detailIsProgressing(detail([gw({ phase: "progressing" })], { state: "stale", everSynced: true }))).toBe(false);
  });
});

describe("sameExposure", () => {
  it.each([
    [undefined, { mode: "all" }, false],
    [{ mode: "all" }, { mode: "all" }, true],
    [{ mode: "all" }, { mode: "selected", services: ["a"] }, false],
    [{ mode: "selected", services: ["b", "a"] }, { mode: "selected", services: ["a", "b"] }, true],
    [{ mode: "selected", services: ["a"] }, { mode: "selected", services: ["a", "b"] }, false],
  ] as const)("%j vs %j", (a, b, expected) => {
    expect(sameExposure(a === undefined ? undefined : structuredClone(a) as Exposure, structuredClone(b) as Exposure)).toBe(expected);
  });
});
