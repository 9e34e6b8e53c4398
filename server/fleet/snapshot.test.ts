import { describe, expect, it } from "vitest";
import { obj } from "@/lib/fleet/snapshot-fixtures";
import type { FleetKind, FleetSnapshot } from "@/lib/fleet/snapshot-types";
import type { InformerSink } from "@/server/kube/informer";
import type { ClusterHandle } from "@/server/kube/kubeconfig";
import { KubeConfig } from "@kubernetes/client-node";
import { waitForSnapshot } from "@/server/testing/wait-for-snapshot";
import { createFleetCache } from "./snapshot";

const handle = (name: string): ClusterHandle => ({ name, server: `http://127.0.0.1/${name}`, kubeConfig: new KubeConfig() });

function setup() {
  const sinks = new Map<string, InformerSink>();
  const stopped: string[] = [];
  const cache = createFleetCache({
    startInformer: (h, kind: FleetKind, sink) => {
      sinks.set(`${h.name}/${kind}`, sink);
      return { stop: () => stopped.push(`${h.name}/${kind}`), done: Promise.resolve() };
    },
    now: () => new Date("2026-01-10T12:00:00Z"),
    flushIntervalMs: 50,
  });
  const published: FleetSnapshot[] = [];
  cache.subscribe((s) => published.push(s));
  const sink = (key: string) => {
    const s = sinks.get(key);
    if (!s) throw new Error(`no informer ${key}`);
    return s;
  };
  return { cache, sink, stopped, published };
}

describe("fleet cache", () => {
  it("starts one informer per kind, Workspaces only on the management cluster", () => {
    const { cache, sink } = setup();
    cache.reset([handle("west"), handle("east")], "west");
    expect(() => sink("west/Workspace")).not.toThrow();
    expect(() => sink("east/Workspace")).toThrow();
    expect(() => sink("east/Service")).not.toThrow();
    expect(cache.current().clusters.map((c) => [c.name, c.management, c.state])).toEqual([["west", true, "syncing"], ["east", false, "syncing"]]);
    cache.stop();
  });

  it("a burst of changes becomes one snapshot with a higher revision", async () => {
    const { cache, sink, published } = setup();
    cache.reset([handle("east")], "west");
    const before = cache.current().revision;
    const count = published.length;
    for (let i = 0; i < 100; i++) sink("east/Service").upsert(obj("Service", `s${i}`, { namespace: "n" }));
    const after = await waitForSnapshot(cache, "100 services", (s) => s.clusters[0]?.objects.Service.size === 100, 2000);
    expect(after.revision).toBe(before + 1);
    expect(published.length).toBe(count + 1);
    cache.stop();
  });

  it("a reset stops the old informers", () => {
    const { cache, stopped } = setup();
    cache.reset([handle("east")], null);
    cache.reset([handle("north")], null);
    expect(stopped).toContain("east/Service");
    expect(stopped).not.toContain("north/Service");
    expect(cache.current().clusters.map((c) => c.name)).toEqual(["north"]);
    cache.stop();
  });

  it("revisions only grow", () => {
    const { cache, sink } = setup();
    cache.reset([handle("east")], null);
    const seen: number[] = [cache.current().revision];
    for (let i = 0; i < 5; i++) {
      sink("east/Pod").upsert(obj("Pod", `p${i}`, { namespace: "n" }));
      seen.push(cache.flush().revision);
    }
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(new Set(seen).size).toBe(seen.length);
    cache.stop();
  });
});
