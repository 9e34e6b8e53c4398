import { describe, expect, it } from "vitest";
import { seedInput, withCluster } from "@/lib/plan/test-fixtures";
import { checkNamespaces } from "./check-namespaces";
import { contextOf } from "./test-helpers";

describe("checkNamespaces", () => {
  it.each([
    ["the seed", seedInput(), "pass", "bookinfo exists in east, north and west.", undefined],
    [
      "bookinfo missing in north",
      withCluster(seedInput(), "north", (c) => { c.namespaces = ["default"]; c.services = []; }),
      "fail",
      "bookinfo is missing in north, so those clusters cannot run or receive the workspace's services.",
      "kubectl --context north create namespace bookinfo",
    ],
    [
      "no namespace at all",
      { ...seedInput(), workspaces: seedInput().workspaces.map((w) => ({ ...w, namespaceSelector: ["*/payments"] })) },
      "fail",
      "workspace bookinfo-ws covers no existing namespace (namespaceSelector: */payments).",
      undefined,
    ],
  ])("%s", (_, input, status, reason, command) => {
    const item = checkNamespaces(contextOf(input));
    expect(item).toMatchObject({ id: "namespace-exists", status, reason });
    expect(item.command).toBe(command);
  });
});

describe("checkNamespaces with a cluster never reached since the console started", () => {
  // What the planner sees of such a cluster: stale, and nothing cached.
  const input = withCluster(seedInput(), "north", (c) => { c.stale = true; c.namespaces = []; c.services = []; c.gateways = []; });
  const never = new Map([["north", { neverSynced: true }]]);
  it.each([
    ["namespaces found elsewhere: a warning, not a missing namespace", input, "warn", "bookinfo exists in east and west; north has not been reached since the console started, so its namespaces are unknown.", undefined],
    [
      "nothing covered anywhere seen",
      { ...input, workspaces: input.workspaces.map((w) => ({ ...w, namespaceSelector: ["*/payments"] })) },
      "fail",
      "workspace bookinfo-ws covers no existing namespace (namespaceSelector: */payments) in east and west; north has not been reached since the console started, so its namespaces are unknown.",
      undefined,
    ],
  ])("%s", (_, given, status, reason, command) => {
    const item = checkNamespaces(contextOf(given, { freshness: never }));
    expect(item).toMatchObject({ status, reason });
    expect(item.command).toBe(command);
  });
});
