import { describe, expect, it } from "vitest";
import type { ClusterHandle } from "@/server/kube/kubeconfig";
import { followHandles } from "./handle-pool";

type Config = ClusterHandle["kubeConfig"];
// Stand-ins for client-node's KubeConfig (only server/kube imports client-node): the pool compares identity only.
const newConfig = () => ({}) as Config;
const handle = (name: string, kubeConfig: Config): ClusterHandle => ({ name, server: "http://127.0.0.1:1", kubeConfig });

describe("followHandles", () => {
  it("makes one client per handle lazily and re-makes it when the handle's KubeConfig changes", () => {
    const handles = new Map<string, ClusterHandle>([["west", handle("west", newConfig())]]);
    const made: string[] = [];
    const clientOf = followHandles((c) => handles.get(c), (h) => (made.push(h.name), { for: h.kubeConfig }));
    expect(made).toEqual([]);
    const first = clientOf("west");
    expect(clientOf("west")).toBe(first);
    expect(made).toEqual(["west"]);
    // The fleet re-read a changed kubeconfig: a new KubeConfig object for west.
    const changed = newConfig();
    handles.set("west", handle("west", changed));
    const second = clientOf("west");
    expect(second).not.toBe(first);
    expect(second?.for).toBe(changed);
    expect(made).toEqual(["west", "west"]);
  });

  it.each([
    ["an unknown cluster", undefined],
    ["a context that cannot be used", handle("west", null)],
  ])("gives no client for %s", (_, h) => {
    const clientOf = followHandles(() => h, () => ({}));
    expect(clientOf("west")).toBeUndefined();
  });
});
