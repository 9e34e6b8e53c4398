// Invariants of trackUpdate over seeded random edit sequences: owned paths exist in the object, Update ownership is
// exclusive, and an identical rewrite is a no-op.
import { describe, expect, it } from "vitest";
import type { KubeObject, ManagedFieldsEntry } from "../types";
import { decodeFieldsV1 } from "./fields-v1";
import { members } from "./field-set";
import { trackUpdate } from "./track-update";
import { serviceEntryType, storedServiceEntry } from "./test-fixtures";

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function randomObject(next: () => number): KubeObject {
  const pick = <T,>(items: T[]): T => items[Math.floor(next() * items.length)] as T;
  const labels = Object.fromEntries(["a", "b", "c"].filter(() => next() < 0.6).map((k) => [k, pick(["1", "2"])]));
  const ports = ["http", "tls", "grpc"].filter(() => next() < 0.5).map((name) => ({ name, number: pick([80, 443]) }));
  const spec: Record<string, unknown> = { hosts: [pick(["x", "y"])], ...(next() < 0.5 ? { resolution: pick(["DNS", "STATIC"]) } : {}) };
  if (ports.length > 0) spec.ports = ports;
  return storedServiceEntry(spec, Object.keys(labels).length > 0 ? { labels } : {});
}

/** Resolves a FieldsV1 path against the object (f: fields, k: items of keyed lists). */
function exists(object: unknown, path: string[]): boolean {
  let current: unknown = object;
  for (const element of path) {
    if (element.startsWith("f:") && current && typeof current === "object" && !Array.isArray(current)) {
      current = (current as Record<string, unknown>)[element.slice(2)];
    } else if (element.startsWith("k:") && Array.isArray(current)) {
      const key = JSON.parse(element.slice(2)) as Record<string, unknown>;
      current = current.find((item: Record<string, unknown>) => Object.keys(key).every((k) => item[k] === key[k]));
    } else return false;
    if (current === undefined) return false;
  }
  return true;
}

function ownedPaths(entry: ManagedFieldsEntry): string[][] {
  const set = decodeFieldsV1(entry.fieldsV1);
  return set ? members(set) : [];
}

describe("trackUpdate invariants over random edit sequences", () => {
  it.each(Array.from({ length: 20 }, (_, i) => i + 1))("seed %i", (seed) => {
    const next = random(seed);
    let live: KubeObject | undefined;
    for (let step = 0; step < 25; step++) {
      const after = randomObject(next);
      after.metadata.managedFields = live?.metadata.managedFields;
      const manager = `m${Math.floor(next() * 4)}`;
      const entries = trackUpdate({ type: serviceEntryType, before: live, after, manager, now: `2026-01-01T00:00:${String(step).padStart(2, "0")}Z` });
      const stored: KubeObject = { ...after, metadata: { ...after.metadata, managedFields: entries } };
      const owners = new Map<string, string>();
      for (const entry of entries) {
        for (const path of ownedPaths(entry)) {
          expect(exists(stored, path), `${entry.manager} owns missing ${path.join("/")}`).toBe(true);
          const key = path.join("/");
          expect(owners.get(key), `${key} owned twice`).toBeUndefined();
          owners.set(key, entry.manager);
        }
      }
      const again = trackUpdate({ type: serviceEntryType, before: stored, after: structuredClone(stored), manager: "someone", now: "2027-01-01T00:00:00Z" });
      expect(again).toEqual(entries);
      live = stored;
    }
  });
});
