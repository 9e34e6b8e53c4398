// A WorkspaceSetting nested deeper than the console walks (once: 700 levels, "Maximum call stack size exceeded"
// and a 500) is refused with 422 and a sentence, over HTTP through the real handler, before any cluster is asked.
import { describe, expect, it } from "vitest";
import { obj } from "@/lib/fleet/snapshot-fixtures";
import { errorOf, fakeFleet, handlerFor, post } from "@/server/http/test/handler-fixture";
import { demoSnapshot } from "@/server/workspaces/test/fake-deps";

function nested(levels: number): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: true };
  for (let i = 1; i < levels; i++) value = { a: value };
  return value;
}

const setting = (levels: number) =>
  obj("WorkspaceSetting", "bookinfo-ws-setting", {
    namespace: "bookinfo",
    spec: { workspace: "bookinfo-ws", defaultEastWestGatewaySettings: { workloadSelector: { app: "eastwest-gateway" } }, extra: nested(levels) },
  });

const SENTENCE = "WorkspaceSetting bookinfo/bookinfo-ws-setting nests deeper than 64 levels; the console will not edit it. Flatten it with kubectl, then try again.";

describe("a WorkspaceSetting nested too deep", () => {
  it.each(["workspace.exposurePreview", "workspace.exposureApply"])("%s answers 422 with a sentence naming it", async (path) => {
    const fleet = fakeFleet(demoSnapshot({ west: [setting(700)] }));
    const { handle } = handlerFor(fleet);
    const { status, error } = await errorOf(await handle(post(path, { workspace: "bookinfo-ws", exposure: { mode: "all" } })));
    expect(status).toBe(422);
    expect(error.message).toBe(SENTENCE);
    expect(error.data).toMatchObject({ code: "UNPROCESSABLE_CONTENT", fieldErrors: [{ field: "workspace", message: SENTENCE }] });
    expect(fleet.handle).not.toHaveBeenCalled();
  });

  it("one within the bound is previewed as usual (the cluster is asked)", async () => {
    const fleet = fakeFleet(demoSnapshot({ west: [setting(50)] }));
    const { handle } = handlerFor(fleet);
    await handle(post("workspace.exposurePreview", { workspace: "bookinfo-ws", exposure: { mode: "all" } }));
    expect(fleet.handle).toHaveBeenCalledWith("west");
  });
});
