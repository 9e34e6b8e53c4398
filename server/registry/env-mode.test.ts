import { describe, expect, it } from "vitest";
import { parseEnv } from "@/server/env";

describe("EASTWEST_REGISTRY_MODE", () => {
  it.each([
    [undefined, "observe"],
    ["standalone", "standalone"],
    ["observe", "observe"],
  ])("%s → %s", (value, mode) => {
    expect(parseEnv({ EASTWEST_REGISTRY_MODE: value }, "/home/ada").registryMode).toBe(mode);
  });

  it("rejects anything else with the variable's name", () => {
    expect(() => parseEnv({ EASTWEST_REGISTRY_MODE: "write" }, "/home/ada")).toThrow(/EASTWEST_REGISTRY_MODE/);
  });
});
