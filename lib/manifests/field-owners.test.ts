import { describe, expect, it } from "vitest";
import { ownersOf } from "./field-owners";

const live = {
  metadata: {
    managedFields: [
      { manager: "kubectl-client-side-apply", operation: "Update", fieldsV1: { "f:spec": { "f:workspace": {}, "f:defaultEastWestGatewaySettings": { "f:exposedServices": {} } } } },
      { manager: "eastwest-console", operation: "Apply", fieldsV1: { "f:spec": { "f:defaultEastWestGatewaySettings": { "f:exposedServices": {}, "f:workloadSelector": {} } } } },
      { manager: "broken", fieldsV1: "nope" },
    ],
  },
};

describe("ownersOf", () => {
  it.each([
    [["spec", "defaultEastWestGatewaySettings", "exposedServices"], ["eastwest-console", "kubectl-client-side-apply"]],
    [["spec", "workspace"], ["kubectl-client-side-apply"]],
    [["spec", "defaultEastWestGatewaySettings", "workloadSelector"], ["eastwest-console"]],
    [["spec", "other"], []],
  ])("%j → %j", (path, owners) => {
    expect(ownersOf(live, path)).toEqual(owners);
  });

  it("is empty without managedFields or object", () => {
    expect(ownersOf({ metadata: {} }, ["spec"])).toEqual([]);
    expect(ownersOf(undefined, ["spec"])).toEqual([]);
  });
});
