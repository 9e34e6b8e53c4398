import { describe, expect, it } from "vitest";
import { SOURCE_CLUSTERS_ANNOTATION } from "./desired";
import type { ClusterInput, PlanInput } from "./input";
import { plan } from "./plan";
import { createPlanner } from "./planner";
import { bookinfoCluster, BOOKINFO, DETAILS, eastWestGateway, REVIEWS, service, workspace } from "./test-fixtures";

// Each step is a fresh, immutable input; unchanged clusters are passed as the *same* objects, as the registry's
// adapter does, so the planner's memo is exercised the way production uses it.
type Step = { name: string; change: (clusters: ClusterInput[]) => ClusterInput[]; exposed?: string[] };

const start = (): ClusterInput[] => [bookinfoCluster("west", BOOKINFO, true), bookinfoCluster("east", BOOKINFO, true), bookinfoCluster("north", ["productpage"], true)];
const replace = (name: string, fn: (c: ClusterInput) => ClusterInput) => (cs: ClusterInput[]) => cs.map((c) => (c.name === name ? fn(c) : c));

const steps: Step[] = [
  { name: "details deployed in north", change: replace("north", (c) => ({ ...c, services: [...c.services, service("details")] })) },
  { name: "east's gateway moves to other addresses", change: replace("east", (c) => ({ ...c, gateways: [eastWestGateway(["10.0.0.9", "10.0.0.8"])] })) },
  { name: "a user DestinationRule for reviews in west", change: replace("west", (c) => ({ ...c, destinationRules: [{ namespace: "bookinfo", name: "mine", host: "reviews", managedByUs: false, hasOutlierDetection: false }] })) },
  { name: "west becomes stale", change: replace("west", (c) => ({ ...c, stale: true })) },
  { name: "north loses xcp-multicluster", change: replace("north", (c) => ({ ...c, namespaces: c.namespaces.filter((n) => n !== "xcp-multicluster") })) },
  { name: "only details stays exposed", change: (cs) => cs, exposed: [DETAILS] },
  { name: "east's network and locality change", change: replace("east", (c) => ({ ...c, network: "shared", locality: "eu/eu-1" })) },
  { name: "reviews deleted in east", change: replace("east", (c) => ({ ...c, services: c.services.filter((s) => s.name !== "reviews") })) },
  { name: "everything exposed", change: (cs) => cs, exposed: [] },
];

describe("createPlanner", () => {
  it("gives plan()'s output, byte for byte, at every step of a changing fleet", () => {
    const planner = createPlanner();
    let clusters = start();
    let exposed = [DETAILS, REVIEWS];
    const input = (): PlanInput => ({ clusters, workspaces: [workspace(exposed)] });
    expect(JSON.stringify(planner.plan(input()))).toBe(JSON.stringify(plan(input())));
    for (const step of steps) {
      clusters = step.change(clusters);
      exposed = step.exposed ?? exposed;
      expect(JSON.stringify(planner.plan(input())), step.name).toBe(JSON.stringify(plan(input())));
    }
  });

  it("rebuilds only what changed: untouched clusters keep their list, unchanged objects their identity", () => {
    const planner = createPlanner();
    const clusters = start();
    const workspaces = [workspace([DETAILS, REVIEWS])];
    const first = planner.plan({ clusters, workspaces, allowLoopbackGatewayAddresses: true });
    // A new, unexposed-elsewhere service in north changes nothing planned; details in north does.
    const second = planner.plan({ clusters: replace("north", (c) => ({ ...c, services: [...c.services, service("ratings", "other")] }))(clusters), workspaces, allowLoopbackGatewayAddresses: true });
    expect(second.clusters.west).toBe(first.clusters.west);
    expect(second.clusters.east).toBe(first.clusters.east);
    const third = planner.plan({ clusters: replace("north", (c) => ({ ...c, services: [...c.services, service("details")] }))(clusters), workspaces, allowLoopbackGatewayAddresses: true });
    expect(third.clusters.north).not.toBe(first.clusters.north);
    const reviewsEntry = (r: typeof first) => r.clusters.north?.find((o) => o.kind === "ServiceEntry" && o.spec.hosts?.toString() === REVIEWS);
    expect(reviewsEntry(third)).toBeDefined();
    expect(reviewsEntry(third)).toBe(reviewsEntry(first));
  });

  it("reuses the shadow WorkloadEntries of unchanged (local, source) pairs when a gateway goes, and plans like plan()", () => {
    const planner = createPlanner();
    const clusters = start();
    const workspaces = [workspace([DETAILS, REVIEWS, "productpage.bookinfo.svc.cluster.local"])];
    const first = planner.plan({ clusters, workspaces, allowLoopbackGatewayAddresses: true });
    const shadowFrom = (r: typeof first, cluster: string, source: string) =>
      r.clusters[cluster]?.find((o) => o.kind === "WorkloadEntry" && o.metadata.annotations[SOURCE_CLUSTERS_ANNOTATION] === source);
    for (const [input, gone] of [[{ clusters: replace("north", (c) => ({ ...c, gateways: [] }))(clusters), workspaces, allowLoopbackGatewayAddresses: true }, true], [{ clusters, workspaces, allowLoopbackGatewayAddresses: true }, false]] as const) {
      const next = planner.plan(input);
      expect(JSON.stringify(next)).toBe(JSON.stringify(plan(input)));
      // productpage in west is served from east either way: the same object, neither rebuilt nor re-hashed.
      expect(shadowFrom(next, "west", "east")).toBeDefined();
      expect(shadowFrom(next, "west", "east")).toBe(shadowFrom(first, "west", "east"));
      expect(shadowFrom(next, "west", "north") === undefined).toBe(gone);
    }
  });

  it("forks in O(1) without touching the parent: the fork plans like a cold planner, the parent as if never forked", () => {
    const clusters = start();
    const a: PlanInput = { clusters, workspaces: [workspace([DETAILS, REVIEWS])], allowLoopbackGatewayAddresses: true };
    const b: PlanInput = { ...a, clusters: replace("east", (c) => ({ ...c, gateways: [] }))(clusters), workspaces: [workspace([])] };
    const a2: PlanInput = { ...a, clusters: replace("north", (c) => ({ ...c, services: [...c.services, service("details")] }))(clusters) };
    const parent = createPlanner();
    const first = parent.plan(a);
    const fork = parent.fork();
    expect(JSON.stringify(fork.plan(b))).toBe(JSON.stringify(plan(b)));
    // A fork of a fork, and the fork planning again, still leave the parent alone.
    expect(JSON.stringify(fork.fork().plan(a2))).toBe(JSON.stringify(plan(a2)));
    expect(JSON.stringify(fork.plan(a))).toBe(JSON.stringify(first));
    // The parent's memory is as it left it: planning `a` again changes nothing, not even an array's identity.
    expect(parent.plan(a).clusters.west).toBe(first.clusters.west);
    expect(JSON.stringify(parent.plan(a2))).toBe(JSON.stringify(plan(a2)));
  });

  it("keeps a fork's memory intact while the parent plans on (and the parent's while the fork does)", () => {
    const clusters = start();
    const a: PlanInput = { clusters, workspaces: [workspace([DETAILS, REVIEWS])], allowLoopbackGatewayAddresses: true };
    const edits: PlanInput[] = [
      { ...a, clusters: replace("north", (c) => ({ ...c, services: [...c.services, service("details")] }))(clusters) },
      { ...a, clusters: replace("east", (c) => ({ ...c, services: c.services.filter((s) => s.name !== "reviews") }))(clusters) },
      { ...a, workspaces: [workspace([])] },
      a,
    ];
    const parent = createPlanner();
    parent.plan(a);
    const fork = parent.fork();
    for (const [i, input] of edits.entries()) {
      const other = edits[(i + 1) % edits.length] as PlanInput;
      expect(JSON.stringify(parent.plan(input)), `parent ${i}`).toBe(JSON.stringify(plan(input)));
      expect(JSON.stringify(fork.plan(other)), `fork ${i}`).toBe(JSON.stringify(plan(other)));
    }
  });

  it("patches a cluster where many objects change at once like a cold plan (a namespace exposed, hidden, renamed)", () => {
    const names = Array.from({ length: 40 }, (_, i) => `svc-${String(i).padStart(2, "0")}`);
    const fleet = (ns: string, extra: string[] = []): ClusterInput[] =>
      ["west", "east", "north"].map((c) => bookinfoCluster(c, [], true, { namespaces: ["bookinfo", "xcp-multicluster", "many"], services: [...bookinfoCluster(c, BOOKINFO, true).services, ...[...names, ...extra].map((n) => service(n, ns))] }));
    const all = (ns: string) => names.map((n) => `${n}.${ns}.svc.cluster.local`);
    const inputs: PlanInput[] = [
      { clusters: fleet("many"), workspaces: [workspace([DETAILS], { namespaceSelector: ["*/bookinfo", "*/many"] })], allowLoopbackGatewayAddresses: true },
      { clusters: fleet("many"), workspaces: [workspace([DETAILS, ...all("many")], { namespaceSelector: ["*/bookinfo", "*/many"] })], allowLoopbackGatewayAddresses: true },
      { clusters: fleet("many", ["svc-05a", "aaa"]), workspaces: [workspace([], { namespaceSelector: ["*/bookinfo", "*/many"] })], allowLoopbackGatewayAddresses: true },
      { clusters: fleet("many"), workspaces: [workspace([REVIEWS, ...all("many").filter((_, i) => i % 2 === 0)], { namespaceSelector: ["*/bookinfo", "*/many"] })], allowLoopbackGatewayAddresses: true },
    ];
    const planner = createPlanner();
    for (const [i, input] of [...inputs, ...inputs.reverse()].entries()) expect(JSON.stringify(planner.plan(input)), `step ${i}`).toBe(JSON.stringify(plan(input)));
  });
});
