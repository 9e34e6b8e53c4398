// inspect.node on the demo fleet: for each kind of node, the objects behind it, the facts, the failover words, the
// registry's expected versus actual and the "test from another cluster" commands; unknown ids are NOT_FOUND naming
// "id"; and a second request between two changes computes nothing again.
import { describe, expect, it } from "vitest";
import { topologyGraph } from "@/server/topology/queries";
import { viewMemoOf } from "@/server/workspaces/view-memo";
import { nodeDetails } from "./node-details";
import { convergedDeps, DETAILS, inspectDeps, WS } from "./test/inspect-fleet";

const objectsOf = (d: Awaited<ReturnType<typeof nodeDetails>>) => d.objects.map((o) => `${o.kind} ${o.name}`);

describe("inspect.node on a converged fleet", () => {
  it.each([
    {
      id: `svc:west/${DETAILS}`,
      kind: "service",
      words: "Serving locally",
      objects: ["Service details", "Deployment details-v1", expect.stringMatching(/^WorkloadEntry k-details-/), "DestinationRule details-failover"],
      whatIf: { kind: "instance", cluster: "west", fqdn: DETAILS },
      testsFrom: ["east"],
    },
    {
      id: "gw:east/bookinfo/eastwest-gateway",
      kind: "gateway",
      words: undefined,
      objects: ["IngressGateway eastwest-gateway", "Service eastwest-gateway", "Pod eastwest-gateway-0", "Gateway eastwest-gateway-passthrough"],
      whatIf: { kind: "gateway", cluster: "east", namespace: "bookinfo", name: "eastwest-gateway" },
      testsFrom: ["west", "north"],
    },
    { id: "cluster:north", kind: "cluster", words: undefined, objects: [], whatIf: { kind: "cluster", cluster: "north" }, testsFrom: [] },
    { id: "ns:west/bookinfo", kind: "namespace", words: undefined, objects: ["Namespace bookinfo"], whatIf: undefined, testsFrom: [] },
  ])("$id: $kind with its objects, what-if removal and test clusters", async ({ id, kind, words, objects, whatIf, testsFrom }) => {
    const { deps } = await convergedDeps();
    const d = await nodeDetails(deps, { id, workspace: WS });
    expect(d.kind).toBe(kind);
    expect(d.state?.words).toBe(words);
    expect(objectsOf(d)).toEqual(objects);
    expect(d.whatIf).toEqual(whatIf);
    expect(d.tests.map((t) => t.cluster)).toEqual(testsFrom);
    expect(d.workspaces).toEqual([WS]);
  });

  it("a service: every planned object present, the sentence names where it fails over, the curl runs in the other cluster", async () => {
    const { deps } = await convergedDeps();
    const d = await nodeDetails(deps, { id: `svc:west/${DETAILS}` });
    expect(d.state?.sentence).toBe("Serving locally (1 of 1 local endpoints ready); fails over to east through bookinfo/eastwest-gateway.");
    expect(d.registry).toMatchObject({ kind: "service", planCurrent: true, unplanned: [], expected: [{ kind: "WorkloadEntry", observed: "present" }] });
    expect(d.tests[0]?.command).toMatch(/^kubectl --context east -n bookinfo run eastwest-test-details --rm -i .* http:\/\/details\.bookinfo\.svc\.cluster\.local:9080\/$/);
    expect(d.tests[0]?.explains).toContain("east runs it too");
  });

  it.each([undefined, WS])("the panel says what the graph's node says (workspace %s)", async (workspace) => {
    const { deps, model } = await convergedDeps({ westDetails: [false] });
    const graph = await topologyGraph(model, { workspace, expanded: ["cluster:west", "ns:west/bookinfo", "cluster:east", "ns:east/bookinfo"] });
    const services = graph.nodes.flatMap((n) => (n.kind === "service" || n.kind === "service-entry" ? [n] : []));
    expect(services.length).toBeGreaterThan(2);
    for (const node of services) {
      const d = await nodeDetails(deps, { id: node.id, ...(workspace ? { workspace } : {}) });
      expect(d.state, node.id).toEqual({ kind: node.state, words: node.words, ...(node.reasonWords ? { reasonWords: node.reasonWords } : {}), sentence: node.sentence });
    }
  });

  it("live YAML without managedFields; conditions read from status", async () => {
    const { deps } = await convergedDeps();
    const d = await nodeDetails(deps, { id: `svc:west/${DETAILS}` });
    const deployment = d.objects.find((o) => o.kind === "Deployment");
    expect(deployment?.yaml).toContain("name: details-v1");
    expect(deployment?.yaml).not.toContain("managedFields");
    expect(deployment?.conditions).toEqual([{ type: "Available", status: "True", reason: "MinimumReplicasAvailable" }]);
    expect(d.objects.find((o) => o.kind === "WorkloadEntry")?.generated).toBe(true);
    expect(deployment?.generated).toBe(false);
  });

  it("before the registry applied anything: the planned shadow WorkloadEntry reads missing, the state says why", async () => {
    const { deps } = await inspectDeps();
    const d = await nodeDetails(deps, { id: `svc:west/${DETAILS}` });
    expect(d.state).toMatchObject({ words: "At risk", reasonWords: "no shadow WorkloadEntries" });
    expect(d.registry).toMatchObject({ kind: "service", expected: [{ kind: "WorkloadEntry", observed: "missing" }] });
  });

  it("a gateway's facts: its address and ready pods", async () => {
    const { deps } = await convergedDeps();
    const d = await nodeDetails(deps, { id: "gw:west/bookinfo/eastwest-gateway" });
    expect(d.facts).toEqual(expect.arrayContaining([{ label: "Addresses", value: "10.0.0.1" }, { label: "Ready pods", value: "1 of 1" }]));
    expect(d.tests[0]?.command).toBe("kubectl --context east run eastwest-test-gateway --rm -i --restart=Never --image=busybox:1.36 --command -- nc -zv -w 5 10.0.0.1 15443");
  });

  it("a stale cluster says since when", async () => {
    const { deps } = await convergedDeps();
    const d = await nodeDetails(deps, { id: "cluster:north" });
    expect(d.facts).toEqual(expect.arrayContaining([{ label: "Sync", value: "Stale" }, { label: "Stale since", value: "2026-01-10T11:00:00.000Z" }]));
  });

  it.each([
    ["not a node id", "details", "is not a node id"],
    ["an unknown prefix", "pod:west/x", "is not a node id"],
    ["too many parts", `svc:west/bookinfo/${DETAILS}`, "is not a node id"],
    ["an empty part", "gw:west//eastwest-gateway", "is not a node id"],
    ["an unknown cluster", `svc:mars/${DETAILS}`, 'cluster "mars"'],
    ["a service no cluster runs", "svc:west/nope.bookinfo.svc.cluster.local", "names no service of west"],
    ["a gateway west does not have", "gw:west/bookinfo/other-gateway", "names no gateway of west"],
    ["a namespace west does not have", "ns:west/nothere", "names no namespace of west"],
  ])("%s → NOT_FOUND naming id", async (_name, id, words) => {
    const { deps } = await convergedDeps();
    await expect(nodeDetails(deps, { id })).rejects.toMatchObject({ tag: "eastwest.NotFound", field: "id", message: expect.stringContaining(words) });
  });

  it("an unknown workspace → NOT_FOUND naming workspace", async () => {
    const { deps } = await convergedDeps();
    await expect(nodeDetails(deps, { id: "cluster:west", workspace: "nope" })).rejects.toMatchObject({ tag: "eastwest.NotFound", field: "workspace" });
  });

  it("a second request between two changes computes nothing again (lookups only)", async () => {
    const { deps, model } = await convergedDeps();
    await nodeDetails(deps, { id: `svc:west/${DETAILS}` });
    await nodeDetails(deps, { id: "ns:west/bookinfo" });
    const computed = viewMemoOf(model).computed();
    await nodeDetails(deps, { id: `svc:east/${DETAILS}` });
    await nodeDetails(deps, { id: "ns:east/bookinfo" });
    await nodeDetails(deps, { id: "gw:west/bookinfo/eastwest-gateway" });
    expect(viewMemoOf(model).computed()).toBe(computed);
  });
});
