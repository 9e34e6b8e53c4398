import { describe, expect, it } from "vitest";
import { ClusterError } from "@/server/kube/cluster-error";
import type { ClusterHandle, KubeconfigLoad } from "@/server/kube/kubeconfig";
import type { ProbeOutcome } from "@/server/kube/probe";
import { createFleetFeed } from "./feed";
import { createFleetMonitor } from "./monitor";
import { createFleetCache } from "./snapshot";

const handle = (name: string): ClusterHandle => ({ name, server: `http://127.0.0.1/${name}`, kubeConfig: null });
const loaded = (fingerprint: string, ...names: string[]): KubeconfigLoad => ({
  ok: true,
  sources: ["/k"],
  fingerprint,
  clusters: names.map(handle),
});
const up: ProbeOutcome = { ok: true, version: "v1.31.0", latencyMs: 4.26 };
const refused = (name: string): ProbeOutcome => ({ ok: false, error: new ClusterError(name, "refused", `${name} refused.`) });

function setup(initial: KubeconfigLoad) {
  const state = { load: initial, down: new Set<string>() };
  const feed = createFleetFeed({ epoch: "t" });
  const logs: string[] = [];
  let clock = Date.parse("2026-01-10T12:00:00Z");
  const monitor = createFleetMonitor({
    load: async () => state.load,
    probe: async (h) => (state.down.has(h.name) ? refused(h.name) : up),
    feed,
    cache: createFleetCache({ startInformer: () => ({ stop: () => undefined, done: Promise.resolve() }), now: () => new Date(clock), flushIntervalMs: 100 }),
    managementCluster: undefined,
    now: () => new Date((clock += 1000)),
    log: (line) => logs.push(line),
  });
  const types = () => {
    const all = feed.since("t.0");
    return all === "expired" ? [] : all.map((e) => e.event.type);
  };
  return { state, feed, logs, monitor, types };
}

describe("createFleetMonitor", () => {
  it("first refresh publishes the whole fleet, first context is management", async () => {
    const { monitor, types } = setup(loaded("a", "west", "east"));
    await monitor.refresh();
    expect(types()).toEqual(["fleet-reset"]);
    const view = monitor.view();
    expect(view.kind === "ready" && view.clusters.map((c) => [c.cluster, c.ok, c.management])).toEqual([
      ["west", true, true],
      ["east", true, false],
    ]);
  });

  it("later refreshes publish per-cluster updates and keep when it was last reachable", async () => {
    const { monitor, state, types, logs } = setup(loaded("a", "west", "east"));
    await monitor.refresh();
    state.down.add("east");
    await monitor.refresh();
    expect(types()).toEqual(["fleet-reset", "clusters-updated"]);
    const view = monitor.view();
    const east = view.kind === "ready" ? view.clusters[1] : undefined;
    expect(east).toMatchObject({
      cluster: "east",
      ok: false,
      error: { reason: "refused" },
      lastReachableAt: "2026-01-10T12:00:02.000Z",
      since: "2026-01-10T12:00:04.000Z",
    });
    expect(logs.at(-1)).toBe("fleet: cluster east unreachable: east refused.");
  });

  it("since stays put while the state holds and moves when it flips", async () => {
    const { monitor, state } = setup(loaded("a", "west"));
    const west = () => {
      const view = monitor.view();
      return view.kind === "ready" ? view.clusters[0] : undefined;
    };
    await monitor.refresh();
    const upSince = west()?.since;
    await monitor.refresh();
    expect(west()?.since).toBe(upSince);
    state.down.add("west");
    await monitor.refresh();
    expect(west()?.since).toBe(west()?.checkedAt);
    expect(west()?.since).not.toBe(upSince);
  });

  it("a changed kubeconfig resets the fleet; a broken one becomes a config error", async () => {
    const { monitor, state, types } = setup(loaded("a", "west"));
    await monitor.refresh();
    state.load = loaded("b", "west", "north");
    await monitor.refresh();
    state.load = { ok: false, fingerprint: "c", error: { reason: "missing", paths: ["/k"], message: "No kubeconfig.", hint: "Run the lab." } };
    await monitor.refresh();
    await monitor.refresh(); // unchanged error: nothing new
    expect(types()).toEqual(["fleet-reset", "fleet-reset", "fleet-reset"]);
    expect(monitor.view()).toMatchObject({ kind: "config-error", error: { reason: "missing" } });
  });

  it("overlapping refreshes share one run", async () => {
    const { monitor, types } = setup(loaded("a", "west"));
    await Promise.all([monitor.refresh(), monitor.refresh()]);
    expect(types()).toEqual(["fleet-reset"]);
  });

  it("recheck probes one cluster and publishes it", async () => {
    const { monitor, state, types } = setup(loaded("a", "west", "east"));
    await monitor.refresh();
    state.down.add("west");
    const status = await monitor.recheck("west");
    expect(status).toMatchObject({ cluster: "west", ok: false, management: true });
    expect(types()).toEqual(["fleet-reset", "clusters-updated"]);
  });

  it.each([
    ["unknown", "south", 'No cluster named "south" in the kubeconfig (known: west, east).'],
    ["excluded by EASTWEST_CONTEXTS", "north", 'Cluster "north" is in the kubeconfig but excluded by EASTWEST_CONTEXTS (watching: west, east); add it there to use it.'],
  ])("recheck of an %s cluster is a tagged NotFound naming the field", async (_name, cluster, message) => {
    const { monitor } = setup({ ...loaded("a", "west", "east"), excluded: ["north"] } as KubeconfigLoad);
    await monitor.refresh();
    const err = await monitor.recheck(cluster).catch((e: unknown) => e);
    expect(err).toMatchObject({ tag: "eastwest.NotFound", field: "cluster", message });
  });
});
