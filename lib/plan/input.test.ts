import { describe, expect, it } from "vitest";
import { parsePlanInput } from "./input";
import { seedInput } from "./test-fixtures";

describe("parsePlanInput", () => {
  it("accepts the seed-like fleet unchanged", () => {
    const input = seedInput();
    expect(parsePlanInput(JSON.parse(JSON.stringify(input)))).toEqual({ ok: true, input });
  });

  it.each<[string, unknown, string]>([
    ["not an object", "fleet", "(input)"],
    ["a port out of range", (() => { const i = seedInput(); const p = i.clusters[0]?.services[0]?.ports[0]; if (p) p.port = 70000; return i; })(), "clusters.0.services.0.ports.0.port"],
    ["a cluster without a name", { clusters: [{ ...seedInput().clusters[0], name: "" }], workspaces: [] }, "clusters.0.name"],
    ["stale missing", { clusters: [{ ...seedInput().clusters[0], stale: undefined }], workspaces: [] }, "clusters.0.stale"],
  ])("rejects %s with the field's path, without throwing", (_, raw, path) => {
    const result = parsePlanInput(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.some((p) => p.startsWith(path))).toBe(true);
  });
});
