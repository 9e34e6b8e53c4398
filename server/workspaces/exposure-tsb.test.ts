// When the management cluster serves only TSB's WorkspaceSetting form, the change is written in that form to the
// workspace's existing TSB setting (found by its annotation), never to a second one.
import { describe, expect, it } from "vitest";
import type { Manifest } from "@/lib/manifests/manifest";
import { exposureApply } from "./exposure-apply";
import { exposurePreview } from "./exposure-preview";
import { demoSnapshot, fakeDeps, fakeWriter } from "./test/fake-deps";

const existing = { apiVersion: "tsb.tetrate.io/v2", kind: "WorkspaceSetting", metadata: { name: "gitops-setting", namespace: "bookinfo", annotations: { "tsb.tetrate.io/workspace": "bookinfo-ws" } } };
const input = { workspace: "bookinfo-ws", exposure: { mode: "selected" as const, services: ["details.bookinfo.svc.cluster.local"] } };

describe("TSB form", () => {
  it("previews and applies to the existing TSB setting, selecting services by label", async () => {
    const west = fakeWriter("west", { listed: [existing], live: existing });
    const deps = fakeDeps(demoSnapshot(), { west }, "tsb");
    const preview = await exposurePreview(deps, input);
    expect(preview.target).toMatchObject({ name: "gitops-setting", namespace: "bookinfo", exists: true });
    expect(preview.yaml).toContain("apiVersion: tsb.tetrate.io/v2");
    expect(preview.yaml).toContain("app: details");
    expect(await exposureApply(deps, input)).toEqual({ cluster: "west", ok: true });
    const applied = (west.apply as unknown as { mock: { calls: Array<[Manifest, { dryRun: boolean }]> } }).mock.calls.find(([, o]) => !o.dryRun)?.[0];
    expect(applied?.metadata).toMatchObject({ name: "gitops-setting", annotations: { "tsb.tetrate.io/workspace": "bookinfo-ws", "tsb.tetrate.io/tenant": "tenant1" } });
  });

  it("creates <workspace>-setting when the workspace has none", async () => {
    const west = fakeWriter("west", { listed: [{ ...existing, metadata: { ...existing.metadata, annotations: { "tsb.tetrate.io/workspace": "other" } } }] });
    const preview = await exposurePreview(fakeDeps(demoSnapshot(), { west }, "tsb"), input);
    expect(preview.target).toMatchObject({ name: "bookinfo-ws-setting", exists: false });
    expect(preview.diff.kind).toBe("create");
  });
});
