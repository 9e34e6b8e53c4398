import { describe, expect, it } from "vitest";
import { toPlanInput } from "@/lib/registry/plan-input-adapter";
import { clustersForValidation, requireWorkspace, stateOf, workspaceClusterNames } from "./fleet-input";
import { demoSnapshot } from "./test/fake-deps";
import { testModel } from "./test/test-model";

describe("the workspace functions' view of the fleet: the fleet model's state", () => {
  it("is the model's current state, whose input is the registry's adapter's on the same snapshot", async () => {
    const snapshot = demoSnapshot();
    const { model } = testModel(snapshot);
    const state = await stateOf({ model });
    expect(state).toBe(model.current());
    expect(state.snapshot).toBe(snapshot);
    expect(state.adapted).toEqual(toPlanInput(snapshot, { managementCluster: "west", allowLoopbackGatewayAddresses: false }));
    // Read again: the same state, the same input object (readers memoise on it); nothing adapted on the way.
    expect((await stateOf({ model })).adapted).toBe(state.adapted);
  });

  it("names an unknown workspace as a 404 on `workspace`, listing the known ones", async () => {
    const state = await stateOf(testModel(demoSnapshot()));
    expect(requireWorkspace(state, "bookinfo-ws").name).toBe("bookinfo-ws");
    expect(() => requireWorkspace(state, "nope")).toThrow(expect.objectContaining({ tag: "eastwest.NotFound", field: "workspace", message: expect.stringContaining("known: bookinfo-ws") }));
  });

  it("gives the selector's clusters and, for validation, since when a stale one is stale", async () => {
    const state = await stateOf(testModel(demoSnapshot()));
    expect(workspaceClusterNames(state, requireWorkspace(state, "bookinfo-ws"))).toEqual(["west", "east", "north"]);
    expect(clustersForValidation(state).map((c) => [c.name, c.stale, "staleSince" in c ? c.staleSince : undefined])).toEqual([
      ["west", false, undefined],
      ["east", false, undefined],
      ["north", true, "2026-01-10T11:00:00.000Z"],
    ]);
  });
});
