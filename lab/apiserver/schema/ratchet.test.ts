// Table-driven: which validation errors survive ratcheting on update.
import { describe, expect, it } from "vitest";
import type { FieldError } from "../status";
import { ratchet } from "./ratchet";

const error = (field: string): FieldError => ({ field, reason: "FieldValueInvalid", detail: "Invalid value" });

const rows: Array<[string, FieldError, unknown, unknown, boolean]> = [
  ["an unchanged invalid value is allowed", error("spec.fault"), { spec: { fault: "Old" } }, { spec: { fault: "Old" } }, false],
  ["a changed invalid value is refused", error("spec.fault"), { spec: { fault: "Old" } }, { spec: { fault: "Older" } }, true],
  ["a field missing before and after is allowed", error("spec.service"), { spec: {} }, { spec: { other: 1 } }, false],
  ["a field removed by the update is refused", error("spec.service"), { spec: { service: "a" } }, { spec: {} }, true],
  ["an unchanged list item is allowed", error("status.undo.deployments[1].replicas"), { status: { undo: { deployments: [{}, { replicas: -1 }] } } }, { status: { undo: { deployments: [{}, { replicas: -1 }] }, phase: "X" } }, false],
  ["a changed list item is refused", error("status.undo.deployments[1].replicas"), { status: { undo: { deployments: [{}, { replicas: -1 }] } } }, { status: { undo: { deployments: [{}, { replicas: -2 }] } } }, true],
];

describe("ratchet", () => {
  it.each(rows)("%s", (_name, err, before, after, kept) => {
    expect(ratchet([err], before, after)).toEqual(kept ? [err] : []);
  });
});
