// Generated names as the real controllers make them.
import { createHash, randomInt } from "node:crypto";

/** The alphabet apimachinery's rand.String and safe-encoding use (no vowels, no 0/1/3: no words, no look-alikes). */
export const SAFE_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

export function randomSuffix(length = 5): string {
  let out = "";
  for (let i = 0; i < length; i++) out += SAFE_ALPHABET[randomInt(SAFE_ALPHABET.length)];
  return out;
}

/** Deterministic safe-alphabet digest of any text (stands in for the fnv32 pod-template-hash). */
export function safeHash(text: string, length = 10): string {
  const digest = createHash("sha256").update(text).digest();
  let out = "";
  for (let i = 0; i < length; i++) out += SAFE_ALPHABET[(digest[i] ?? 0) % SAFE_ALPHABET.length];
  return out;
}

/** A stable JSON encoding (sorted keys), so the same template always hashes the same. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
