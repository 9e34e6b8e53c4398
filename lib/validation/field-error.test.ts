import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fromZodError, parseWith } from "./field-error";

const schema = z.object({ name: z.string({ error: "name is required" }), list: z.array(z.string().min(1, { error: "empty entry" })) });

describe("parseWith", () => {
  it.each([
    [{ name: "a", list: ["x"] }, { ok: true, value: { name: "a", list: ["x"] } }],
    [{ list: [] }, { ok: false, errors: [{ field: "name", message: "name is required" }] }],
    [{ name: "a", list: ["x", ""] }, { ok: false, errors: [{ field: "list.1", message: "empty entry" }] }],
  ])("%j", (raw, expected) => {
    expect(parseWith(schema, raw)).toEqual(expected);
  });

  it("reports a wrong top-level type against (input), and prefixes paths", () => {
    const parsed = schema.safeParse("nope");
    expect(parsed.success).toBe(false);
    if (!parsed.success) {
      expect(fromZodError(parsed.error)[0]?.field).toBe("(input)");
      expect(fromZodError(parsed.error, "body")[0]?.field).toBe("body");
    }
  });
});
