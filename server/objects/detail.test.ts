import { describe, expect, it } from "vitest";
import { conditionsOf, objectDetail } from "./detail";
import { buildIndex } from "./object-index";
import { objectSummary } from "./summary";
import { clusterWith, HASH, istio, MARKS, scope, seSpec, stateOf } from "./test/fixtures";
import type { IstioObjectKind } from "./types";

const SE_NAME = "global-gwinternal-details-bookinfo-svc-cluster-local";
const CONDITIONS = { conditions: [{ type: "Reconciled", status: "True", reason: "Accepted", message: "pushed", lastTransitionTime: "2026-12-05T03:01:00Z" }, { status: "no type" }] };
const west = clusterWith("west", [
  istio("ServiceEntry", "xcp-multicluster", SE_NAME, seSpec("details.bookinfo.svc.cluster.local"), { marks: MARKS, status: CONDITIONS }),
  istio("DestinationRule", "bookinfo", "reviews", { host: "reviews" }, { marks: { labels: MARKS.labels, managedFields: [{ manager: "kubectl-client-side-apply", operation: "Update" }, { manager: "kubectl-client-side-apply", operation: "Update" }] } }),
]);
const east = clusterWith("east", [], { state: "stale", staleSince: "2026-12-05T02:00:00Z" });
const state = stateOf([west, east], { west: scope(["bookinfo"]) });
const index = buildIndex(state);

describe("objectDetail", () => {
  it("a console-made object: YAML without managedFields, owner proved, conditions", () => {
    const detail = objectDetail(state, index, { cluster: "west", kind: "ServiceEntry", namespace: "xcp-multicluster", name: SE_NAME });
    expect(detail).toMatchObject({ uid: `uid-ServiceEntry-xcp-multicluster-${SE_NAME}`, generated: true, owner: { kind: "console" }, summary: "details.bookinfo.svc.cluster.local", createdAt: "2026-12-05T03:00:00Z", clusterState: { name: "west", state: "synced" } });
    expect(detail.yaml).toMatch(/^apiVersion: networking.istio.io\/v1\nkind: ServiceEntry\nmetadata:\n {2}name: global-gwinternal/);
    expect(detail.yaml).toContain(`content-hash: ${HASH}`);
    expect(detail.yaml).not.toContain("managedFields");
    expect(detail.conditions).toEqual([{ type: "Reconciled", status: "True", reason: "Accepted", message: "pushed", lastTransitionTime: "2026-12-05T03:01:00Z" }]);
  });

  it("a foreign object names who wrote it and what the proof missed, even with the console's label", () => {
    const detail = objectDetail(state, index, { cluster: "west", kind: "DestinationRule", namespace: "bookinfo", name: "reviews" });
    expect(detail.generated).toBe(false);
    expect(detail.owner).toEqual({
      kind: "foreign",
      managers: ["kubectl-client-side-apply/Update"],
      claimsConsole: true,
      missing: [
        "no eastwest-console.io/source-clusters, eastwest-console.io/workspaces, eastwest-console.io/services, eastwest-console.io/content-hash annotations",
        "field manager eastwest-registry (Apply) is not in managedFields",
        "its name is not one the console generates for a DestinationRule",
      ],
    });
  });

  it.each([
    [{ cluster: "mars", kind: "ServiceEntry", namespace: "x", name: "y" } as const, "cluster", 'No cluster named "mars" in the fleet (known: west, east).'],
    [{ cluster: "west", kind: "Gateway", namespace: "bookinfo", name: "reviews" } as const, "name", 'No Gateway "bookinfo/reviews" in cluster west.'],
    [{ cluster: "east", kind: "ServiceEntry", namespace: "x", name: "y" } as const, "name", 'No ServiceEntry "x/y" in cluster east (as last known: the cluster is not synced).'],
  ])("%o → NOT_FOUND on %s", (ref, field, message) => {
    expect(() => objectDetail(state, index, ref)).toThrow(expect.objectContaining({ tag: "eastwest.NotFound", field, message }));
  });
});

describe("conditionsOf", () => {
  it.each([
    [undefined, []],
    [{ conditions: "nope" }, []],
    [{ conditions: [{ type: "Ready" }] }, [{ type: "Ready", status: "Unknown", reason: "", message: "", lastTransitionTime: null }]],
  ])("%o", (status, expected) => {
    expect(conditionsOf(status)).toEqual(expected);
  });
});

describe("objectSummary", () => {
  it.each<[IstioObjectKind, unknown, string]>([
    ["ServiceEntry", seSpec("a", "b", "c", "d", "e"), "a, b, c +2 more"],
    ["ServiceEntry", { hosts: ["a"], addresses: ["240.0.0.1"] }, "a (240.0.0.1)"],
    ["WorkloadEntry", { address: "10.1.2.3", network: "east" }, "10.1.2.3 (network east)"],
    ["WorkloadEntry", { address: 5 }, ""],
    ["DestinationRule", { host: "reviews.bookinfo.svc.cluster.local" }, "reviews.bookinfo.svc.cluster.local"],
    ["Gateway", { servers: [{ port: { number: 15443 }, tls: { mode: "AUTO_PASSTHROUGH" }, hosts: ["*.local"] }, { port: { number: 80 }, hosts: ["a", "b"] }] }, "*.local:15443 AUTO_PASSTHROUGH; a, b:80"],
    ["Gateway", "not a spec", ""],
  ])("%s %o → %s", (kind, spec, expected) => {
    expect(objectSummary(kind, spec)).toBe(expected);
  });
});
