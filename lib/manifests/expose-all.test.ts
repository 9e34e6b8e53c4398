import { describe, expect, it } from "vitest";
import { exposeAllBlockedBy } from "./expose-all";

const entry = (manager: string, fields: object) => ({ manager, operation: "Update", fieldsV1: fields });
const exposed = { "f:spec": { "f:defaultEastWestGatewaySettings": { "f:exposedServices": {} } } };
const live = (...managedFields: object[]) => ({ metadata: { name: "bookinfo-ws-setting", namespace: "bookinfo", managedFields } });

describe("exposeAllBlockedBy", () => {
  it.each([
    ["no live object", undefined, undefined],
    ["only the console owns the list", live(entry("eastwest-console", exposed)), undefined],
    ["nobody owns it", live(entry("kubectl", { "f:spec": { "f:workspace": {} } })), undefined],
    ["kubectl owns it", live(entry("kubectl-client-side-apply", exposed), entry("eastwest-console", exposed)), ["kubectl-client-side-apply"]],
  ])("%s", (_, object, managers) => {
    expect(exposeAllBlockedBy(object, "west")?.managers).toEqual(managers);
  });

  it("explains and offers a one-off removal", () => {
    const block = exposeAllBlockedBy(live(entry("argocd", exposed)), "west");
    expect(block?.message).toContain("exposedServices was set by argocd; leaving it out does not remove it while argocd owns it.");
    expect(block?.command).toBe(
      `kubectl --context west -n bookinfo patch workspacesettings.settings.tetrate.io bookinfo-ws-setting --type json -p '[{"op":"remove","path":"/spec/defaultEastWestGatewaySettings/exposedServices"}]'`,
    );
  });
});
