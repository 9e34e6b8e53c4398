import { describe, expect, it } from "vitest";
import { applyJsonPatch, parseJsonPatch } from "./json-patch";
import { statusOf } from "./test-fixtures";

const doc = { metadata: { name: "a", labels: { x: "1" } }, spec: { hosts: ["a", "b"], n: 1 } };

function run(ops: unknown[]): unknown {
  return applyJsonPatch(structuredClone(doc), parseJsonPatch(JSON.stringify(ops)));
}

const failure = statusOf;

describe("JSON patch (RFC 6902, json-patch.v4 semantics)", () => {
  const applied: Array<{ name: string; ops: unknown[]; expected: unknown }> = [
    { name: "add a map key", ops: [{ op: "add", path: "/metadata/labels/y", value: "2" }], expected: { ...doc, metadata: { name: "a", labels: { x: "1", y: "2" } } } },
    { name: "add into a list at an index", ops: [{ op: "add", path: "/spec/hosts/1", value: "z" }], expected: { ...doc, spec: { hosts: ["a", "z", "b"], n: 1 } } },
    { name: "append with -", ops: [{ op: "add", path: "/spec/hosts/-", value: "z" }], expected: { ...doc, spec: { hosts: ["a", "b", "z"], n: 1 } } },
    { name: "remove", ops: [{ op: "remove", path: "/spec/n" }], expected: { ...doc, spec: { hosts: ["a", "b"] } } },
    { name: "remove with a negative index", ops: [{ op: "remove", path: "/spec/hosts/-1" }], expected: { ...doc, spec: { hosts: ["a"], n: 1 } } },
    { name: "replace", ops: [{ op: "replace", path: "/spec/n", value: 2 }], expected: { ...doc, spec: { hosts: ["a", "b"], n: 2 } } },
    { name: "replace of a missing key adds it (v4)", ops: [{ op: "replace", path: "/spec/m", value: 2 }], expected: { ...doc, spec: { hosts: ["a", "b"], n: 1, m: 2 } } },
    { name: "move", ops: [{ op: "move", from: "/spec/n", path: "/spec/m" }], expected: { ...doc, spec: { hosts: ["a", "b"], m: 1 } } },
    { name: "copy", ops: [{ op: "copy", from: "/spec/n", path: "/spec/m" }], expected: { ...doc, spec: { hosts: ["a", "b"], n: 1, m: 1 } } },
    { name: "a passing test", ops: [{ op: "test", path: "/spec/hosts", value: ["a", "b"] }], expected: doc },
    { name: "~1 escapes a slash", ops: [{ op: "add", path: "/metadata/labels/a~1b", value: "v" }], expected: { ...doc, metadata: { name: "a", labels: { x: "1", "a/b": "v" } } } },
  ];
  it.each(applied)("$name", ({ ops, expected }) => {
    expect(run(ops)).toEqual(expected);
  });

  const failing: Array<{ name: string; ops: unknown[] }> = [
    { name: "a failed test", ops: [{ op: "test", path: "/spec/n", value: 5 }] },
    { name: "a test of a missing value", ops: [{ op: "test", path: "/spec/zz", value: 5 }] },
    { name: "add past the end of a list", ops: [{ op: "add", path: "/spec/hosts/5", value: "z" }] },
    { name: "remove past the end of a list", ops: [{ op: "remove", path: "/spec/hosts/2" }] },
    { name: "replace past the end of a list", ops: [{ op: "replace", path: "/spec/hosts/9", value: "z" }] },
    { name: "remove a missing key", ops: [{ op: "remove", path: "/spec/zz" }] },
    { name: "a missing parent", ops: [{ op: "add", path: "/nope/deeper/x", value: 1 }] },
    { name: "an unknown op", ops: [{ op: "frobnicate", path: "/spec/n" }] },
  ];
  it.each(failing)("$name → 422 Invalid with upstream's generic message", ({ ops }) => {
    expect(failure(() => run(ops))).toMatchObject({
      code: 422, reason: "Invalid", message: "the server rejected our request due to an error in our request",
    });
  });

  it("an earlier failed test leaves nothing applied", () => {
    const original = structuredClone(doc);
    failure(() => applyJsonPatch(original, parseJsonPatch(JSON.stringify([{ op: "add", path: "/spec/m", value: 1 }, { op: "test", path: "/spec/n", value: 9 }]))));
    expect(original).toEqual(doc);
  });

  it.each([
    { body: JSON.stringify({ op: "add", path: "/a", value: 1 }), message: "error decoding patch: json: cannot unmarshal object into Go value of type []handlers.jsonPatchOp" },
    { body: "[{", message: "error decoding patch:" },
  ])("a body that is not a JSON array → 400 ($body)", ({ body, message }) => {
    const status = failure(() => parseJsonPatch(body));
    expect(status.code).toBe(400);
    expect(status.reason).toBe("BadRequest");
    expect(status.message).toContain(message);
  });

  it("more than 10000 operations → 413", () => {
    const ops = Array.from({ length: 10001 }, () => ({ op: "test", path: "/spec/n", value: 1 }));
    expect(failure(() => parseJsonPatch(JSON.stringify(ops)))).toMatchObject({ code: 413, reason: "RequestEntityTooLarge" });
  });
});
