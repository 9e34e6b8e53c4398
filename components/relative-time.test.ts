import { describe, expect, it } from "vitest";
import { absoluteUtc } from "./relative-time";

describe("absoluteUtc", () => {
  it.each([
    ["2026-12-05T14:03:05Z", "2026-12-05 14:03:05 UTC"],
    ["2026-12-05T14:03:05.987Z", "2026-12-05 14:03:05 UTC"],
    // An offset is converted, never shown as local time.
    ["2026-12-05T15:03:05+01:00", "2026-12-05 14:03:05 UTC"],
    ["not a time", "unknown time"],
  ])("%s → %s", (iso, shown) => {
    expect(absoluteUtc(iso)).toBe(shown);
  });
});
