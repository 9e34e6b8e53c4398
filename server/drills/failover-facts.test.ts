import { describe, expect, it } from "vitest";
import type { FailoverState, RemoteCheck } from "@/lib/failover/types";
import type { DestinationRuleInput } from "@/lib/plan/input";
import { seedInput } from "@/lib/plan/test-fixtures";
import { ejectionCapOf, factsOfRow } from "./failover-facts";

const route = { cluster: "east", gateway: "bookinfo/eastwest-gateway", addresses: ["127.1.0.1"] };
const endpoints = { ready: 1, total: 1 };
const down = (problem: Extract<RemoteCheck, { ok: false }>["problem"]): RemoteCheck => ({ cluster: "east", ok: false, problem });
const atRisk = (reason: Extract<FailoverState, { kind: "at-risk" }>["reason"], remotes: RemoteCheck[]): FailoverState => ({ kind: "at-risk", reason, endpoints, remotes, targets: [] });

describe("the failover facts a drill's precheck reads", () => {
  it.each<[string, FailoverState, { targetExists: boolean; remoteReady: boolean; gatewaysReady: boolean }]>([
    ["serving locally with a target", { kind: "serving-locally", endpoints, targets: [route] }, { targetExists: true, remoteReady: true, gatewaysReady: true }],
    ["failed over (mid-drill)", { kind: "failed-over", endpoints: { ready: 0, total: 0 }, targets: [route] }, { targetExists: true, remoteReady: true, gatewaysReady: true }],
    ["no gateway in the remote", atRisk("no-gateway", [down("no-gateway")]), { targetExists: false, remoteReady: false, gatewaysReady: false }],
    ["remote gateway not ready", atRisk("gateway-not-ready", [down("gateway-not-ready")]), { targetExists: false, remoteReady: false, gatewaysReady: false }],
    ["no shadow WorkloadEntries", atRisk("no-shadow-workload-entries", [down("no-shadow-workload-entries")]), { targetExists: false, remoteReady: false, gatewaysReady: true }],
    ["remote instances down", atRisk("remote-instances-down", [down("remote-instances-down")]), { targetExists: true, remoteReady: false, gatewaysReady: true }],
    ["runs nowhere else", atRisk("no-remote-instance", []), { targetExists: false, remoteReady: false, gatewaysReady: false }],
    ["cluster stale", { kind: "unknown", why: "cluster-stale" }, { targetExists: false, remoteReady: false, gatewaysReady: false }],
  ])("%s", (_name, state, expected) => {
    const facts = factsOfRow({ cluster: "west", fqdn: "details.bookinfo.svc.cluster.local", namespace: "bookinfo", state }, true);
    expect(facts).toMatchObject({ ...expected, outlierDetection: true });
    // A state that is not a working one says why, in the pages' words.
    if (state.kind === "serving-locally" || state.kind === "failed-over") expect(facts.reason).toBeUndefined();
    else expect(facts.reason).toMatch(/^(At risk|Unknown)/);
  });

  it("lists the remotes with their gateways", () => {
    const facts = factsOfRow({ cluster: "west", fqdn: "details.bookinfo.svc.cluster.local", namespace: "bookinfo", state: { kind: "serving-locally", endpoints, targets: [route] } }, false);
    expect(facts.remotes).toEqual([{ cluster: "east", gateway: "bookinfo/eastwest-gateway", ready: true }]);
    expect(facts.outlierDetection).toBe(false);
  });
});

describe("the ejection cap of the rule covering the drilled service", () => {
  const DETAILS = "details.bookinfo.svc.cluster.local";
  const rule = (name: string, host: string, outlier: boolean, maxEjectionPercent?: number): DestinationRuleInput => ({
    namespace: "bookinfo", name, host, managedByUs: false, hasOutlierDetection: outlier, ...(maxEjectionPercent === undefined ? {} : { maxEjectionPercent }),
  });
  const withRules = (rules: DestinationRuleInput[]) => {
    const input = seedInput();
    return { ...input, clusters: input.clusters.map((c) => (c.name === "west" ? { ...c, destinationRules: rules } : c)) };
  };
  it.each<[string, DestinationRuleInput[], number | undefined]>([
    ["no rule", [], undefined],
    ["XCP's rule (100 %)", [rule("xcp", "details", true, 100)], 100],
    ["outlier detection without a cap: Istio's default applies", [rule("mine", "details", true)], undefined],
    ["a rule without outlier detection first, then one with", [rule("plain", "details", false, 5), rule("xcp", DETAILS, true, 100)], 100],
    ["a rule for another host", [rule("other", "reviews", true, 100)], undefined],
  ])("%s → %s", (_name, rules, expected) => {
    expect(ejectionCapOf(withRules(rules), "west", DETAILS)).toBe(expected);
  });
});
