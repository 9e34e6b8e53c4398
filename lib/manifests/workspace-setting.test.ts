import { describe, expect, it } from "vitest";
import { DETAILS, REVIEWS, seedInput } from "@/lib/plan/test-fixtures";
import { planWorkspaceSetting, type WorkspaceSettingApi } from "./workspace-setting";

const SEED: WorkspaceSettingApi = { form: "seed" };
const TSB: WorkspaceSettingApi = { form: "tsb", parent: { organization: "tetrate", tenant: "tetrate" } };

function withoutSetting() {
  const input = seedInput();
  const [ws] = input.workspaces;
  if (ws) input.workspaces = [{ name: ws.name, namespace: "bookinfo", namespaceSelector: ws.namespaceSelector }];
  return input;
}

describe("planWorkspaceSetting (seed form)", () => {
  it("changes the existing setting in place, exposing a sorted set, without claiming it with a label", () => {
    const planned = planWorkspaceSetting({ workspace: "bookinfo-ws", exposure: { mode: "selected", services: [REVIEWS, DETAILS] } }, seedInput(), SEED);
    expect(planned.ok && planned.value.manifest).toEqual({
      apiVersion: "settings.tetrate.io/v1alpha1",
      kind: "WorkspaceSetting",
      metadata: { name: "bookinfo-ws-setting", namespace: "bookinfo" },
      spec: { workspace: "bookinfo-ws", defaultEastWestGatewaySettings: { workloadSelector: { app: "eastwest-gateway" }, exposedServices: [DETAILS, REVIEWS] } },
    });
  });

  it("leaves exposedServices out to expose all", () => {
    const planned = planWorkspaceSetting({ workspace: "bookinfo-ws", exposure: { mode: "all" } }, seedInput(), SEED);
    expect(planned.ok && planned.value.manifest.spec).toEqual({ workspace: "bookinfo-ws", defaultEastWestGatewaySettings: { workloadSelector: { app: "eastwest-gateway" } } });
  });

  it("creates <workspace>-setting next to the Workspace, labelled, when there is none", () => {
    const planned = planWorkspaceSetting({ workspace: "bookinfo-ws", exposure: { mode: "all" } }, withoutSetting(), SEED);
    expect(planned.ok && planned.value.target.created).toBe(true);
    expect(planned.ok && planned.value.manifest.metadata).toEqual({ name: "bookinfo-ws-setting", namespace: "bookinfo", labels: { "app.kubernetes.io/managed-by": "eastwest-console" } });
  });

  it.each([
    ["no workspace", { exposure: { mode: "all" } }, [["workspace", "workspace is required"]]],
    ["unknown workspace", { workspace: "nope", exposure: { mode: "all" } }, [["workspace", 'workspace "nope" does not exist']]],
    ["bad exposure", { workspace: "bookinfo-ws", exposure: { mode: "some" } }, [["exposure.mode", "exposure must be"]]],
    ["empty selection", { workspace: "bookinfo-ws", exposure: { mode: "selected", services: [] } }, [["exposure.services", "choose at least one service, or expose all"]]],
    [
      "bad FQDNs",
      { workspace: "bookinfo-ws", exposure: { mode: "selected", services: [DETAILS, "details", "x.default.svc.cluster.local"] } },
      [["exposure.services.1", "is not a service FQDN"], ["exposure.services.2", "namespace default is not in workspace bookinfo-ws"]],
    ],
  ])("rejects %s per field", (_, raw, expected) => {
    const planned = planWorkspaceSetting(raw, seedInput(), SEED);
    expect(planned.ok).toBe(false);
    if (planned.ok) return;
    expect(planned.errors.map((e) => e.field)).toEqual(expected.map(([f]) => f));
    planned.errors.forEach((e, i) => expect(e.message).toContain(expected[i]?.[1]));
  });

  it("needs a namespace to create a setting in", () => {
    const input = withoutSetting();
    input.workspaces = input.workspaces.map(({ name, namespaceSelector }) => ({ name, namespaceSelector }));
    const planned = planWorkspaceSetting({ workspace: "bookinfo-ws", exposure: { mode: "all" } }, input, SEED);
    expect(planned.ok ? "" : planned.errors[0]?.message).toContain("has no namespace to hold a new WorkspaceSetting");
  });
});

describe("planWorkspaceSetting (TSB form)", () => {
  it("names the workspace by annotations and selects services by labels", () => {
    const planned = planWorkspaceSetting({ workspace: "bookinfo-ws", exposure: { mode: "selected", services: [DETAILS] } }, seedInput(), TSB);
    expect(planned.ok && planned.value.manifest).toEqual({
      apiVersion: "tsb.tetrate.io/v2",
      kind: "WorkspaceSetting",
      metadata: {
        name: "bookinfo-ws-setting",
        namespace: "bookinfo",
        annotations: { "tsb.tetrate.io/organization": "tetrate", "tsb.tetrate.io/tenant": "tetrate", "tsb.tetrate.io/workspace": "bookinfo-ws" },
      },
      spec: {
        defaultEastWestGatewaySettings: [
          { workloadSelector: { namespace: "bookinfo", labels: { app: "eastwest-gateway" } }, exposedServices: [{ serviceLabels: { app: "details" } }] },
        ],
      },
    });
  });

  it("changes the TSB setting the caller names, without labelling it", () => {
    const api: WorkspaceSettingApi = { ...TSB, existing: { name: "bookinfo-settings", namespace: "tsb-config" } };
    const input = withoutSetting();
    input.workspaces = input.workspaces.map(({ name, namespaceSelector }) => ({ name, namespaceSelector }));
    const planned = planWorkspaceSetting({ workspace: "bookinfo-ws", exposure: { mode: "all" } }, input, api);
    expect(planned.ok && planned.value.manifest.metadata).toMatchObject({ name: "bookinfo-settings", namespace: "tsb-config" });
    expect(planned.ok && planned.value.manifest.metadata.labels).toBeUndefined();
  });

  it("omits exposedServices to expose all", () => {
    const planned = planWorkspaceSetting({ workspace: "bookinfo-ws", exposure: { mode: "all" } }, seedInput(), TSB);
    expect(planned.ok && planned.value.manifest.spec).toEqual({ defaultEastWestGatewaySettings: [{ workloadSelector: { namespace: "bookinfo", labels: { app: "eastwest-gateway" } } }] });
  });
});
