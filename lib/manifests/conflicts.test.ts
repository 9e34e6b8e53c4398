import { describe, expect, it } from "vitest";
import { interpretApplyConflict } from "./conflicts";

const status = (causes: object[], code = 409) => ({
  kind: "Status",
  apiVersion: "v1",
  status: "Failure",
  code,
  reason: "Conflict",
  message: "Apply failed with conflicts",
  details: { name: "bookinfo-ws-setting", kind: "workspacesettings", causes },
});

describe("interpretApplyConflict", () => {
  it.each([
    [
      "an update manager (client-side apply)",
      [{ reason: "FieldManagerConflict", message: 'conflict with "kubectl-client-side-apply" using settings.tetrate.io/v1alpha1', field: ".spec.defaultEastWestGatewaySettings.exposedServices" }],
      [{ field: "spec.defaultEastWestGatewaySettings.exposedServices", manager: "kubectl-client-side-apply", operation: "Update", summary: "spec.defaultEastWestGatewaySettings.exposedServices is owned by kubectl-client-side-apply" }],
    ],
    [
      "an apply manager, two fields",
      [
        { reason: "FieldManagerConflict", message: 'conflict with "argocd-controller"', field: ".spec.workspace" },
        { reason: "FieldManagerConflict", message: 'conflict with "argocd-controller"', field: '.spec.ports[name="http"]' },
      ],
      [
        { field: "spec.workspace", manager: "argocd-controller", operation: "Apply", summary: "spec.workspace is owned by argocd-controller" },
        { field: 'spec.ports[name="http"]', manager: "argocd-controller", operation: "Apply", summary: 'spec.ports[name="http"] is owned by argocd-controller' },
      ],
    ],
    [
      "a status subresource writer",
      [{ reason: "FieldManagerConflict", message: 'conflict with "ctrl" with subresource "status" using v1', field: ".status.x" }],
      [{ field: "status.x", manager: "ctrl", operation: "Update", summary: "status.x is owned by ctrl" }],
    ],
    [
      "a quoted manager name and an unreadable message",
      [
        { reason: "FieldManagerConflict", message: 'conflict with "my \\"tool\\""', field: ".a" },
        { reason: "FieldManagerConflict", message: "something else", field: "" },
        { reason: "FieldValueInvalid", message: "not a conflict", field: ".b" },
      ],
      [
        { field: "a", manager: 'my "tool"', operation: "Apply", summary: 'a is owned by my "tool"' },
        { field: "(unknown field)", manager: "another field manager", operation: "Apply", summary: "(unknown field) is owned by another field manager" },
      ],
    ],
  ])("reads %s", (_, causes, conflicts) => {
    expect(interpretApplyConflict(status(causes))).toEqual({ kind: "conflicts", conflicts, message: "Apply failed with conflicts" });
  });

  it.each([
    ["a 422", status([{ reason: "FieldValueInvalid", message: "bad", field: ".spec" }], 422)],
    ["a 409 without field conflicts (AlreadyExists)", status([])],
    ["not a Status", "boom"],
    ["a null body", null],
  ])("answers not-a-conflict for %s", (_, body) => {
    expect(interpretApplyConflict(body).kind).toBe("not-a-conflict");
  });
});
