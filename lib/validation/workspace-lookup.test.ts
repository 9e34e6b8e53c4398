import { describe, expect, it } from "vitest";
import { seedInput } from "@/lib/plan/test-fixtures";
import { namespaceInWorkspaceError, workspaceContext, workspaceNamespaces } from "./workspace-lookup";

describe("workspaceContext", () => {
  it("finds the workspace and its scope with the planner's rules", () => {
    const found = workspaceContext("workspace", "bookinfo-ws", seedInput());
    expect(found.ok).toBe(true);
    if (found.ok) expect(workspaceNamespaces(found.context.scope)).toEqual(["bookinfo"]);
  });

  it("names the known workspaces when the name is unknown", () => {
    expect(workspaceContext("workspace", "nope", seedInput())).toEqual({
      ok: false,
      error: { field: "workspace", message: 'workspace "nope" does not exist on the management cluster (known: bookinfo-ws).' },
    });
  });
});

describe("namespaceInWorkspaceError", () => {
  const found = workspaceContext("workspace", "bookinfo-ws", seedInput());
  it.each([
    ["bookinfo", undefined],
    ["default", "namespace default is not in workspace bookinfo-ws (its namespaceSelector */bookinfo covers: bookinfo); pick one of those or add */default to the workspace."],
  ])("%s", (namespace, message) => {
    if (!found.ok) throw new Error("fixture");
    expect(namespaceInWorkspaceError("namespace", namespace, found.context)?.message).toBe(message);
  });
});
