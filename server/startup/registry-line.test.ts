import { describe, expect, it } from "vitest";
import { registryLine, type RegistryLineInput } from "./registry-line";

const base: RegistryLineInput = { mode: "standalone", clusters: ["west", "east", "north"], fieldManager: "eastwest-registry", managementCluster: "west" };

describe("registryLine", () => {
  it.each<[string, Partial<RegistryLineInput>, string]>([
    ["standalone names every cluster, the field manager and the Lease", {}, "registry: standalone — writes to west, east, north (field manager eastwest-registry, leader Lease in west)"],
    ["standalone before a management cluster is known", { managementCluster: null }, "registry: standalone — writes to west, east, north (field manager eastwest-registry)"],
    ["standalone with an empty kubeconfig", { clusters: [] }, "registry: standalone — writes to no cluster yet (the kubeconfig lists none) (field manager eastwest-registry, leader Lease in west)"],
    ["observe writes nothing, whatever the clusters", { mode: "observe" }, "registry: observe — writes nothing (it compares the clusters with the plan; EASTWEST_REGISTRY_MODE=standalone lets it write)"],
  ])("%s", (_name, input, expected) => {
    expect(registryLine({ ...base, ...input })).toBe(expected);
  });
});
