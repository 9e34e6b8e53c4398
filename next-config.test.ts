// next.config.js is plain JavaScript (no TypeScript step when Next loads it): its copies of two product constants
// must stay equal to them.
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { NextConfig } from "next";
import { describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "@/lib/validation/limits";
import { STATIC_SECURITY_HEADERS } from "@/server/http-guard/security-headers";

// Loaded as Next loads it (by URL, as an ES module); it has no TypeScript declarations of its own.
type ConfigModule = { default: NextConfig; MAX_BODY_BYTES: number; STATIC_SECURITY_HEADERS: Record<string, string> };
const { default: config, MAX_BODY_BYTES: CONFIG_MAX_BODY_BYTES, STATIC_SECURITY_HEADERS: CONFIG_HEADERS } = (await import(pathToFileURL(path.resolve("next.config.js")).href)) as ConfigModule;

describe("next.config.js", () => {
  it("repeats the product's body limit and static security headers exactly", () => {
    expect(CONFIG_MAX_BODY_BYTES).toBe(MAX_BODY_BYTES);
    expect(CONFIG_HEADERS).toEqual(STATIC_SECURITY_HEADERS);
  });

  it("gives build assets those headers and a CSP that runs nothing opened as a document", async () => {
    const [rule] = (await config.headers?.()) ?? [];
    expect(rule?.source).toBe("/_next/static/:path*");
    expect(Object.fromEntries(rule?.headers.map((h) => [h.key, h.value]) ?? [])).toMatchObject({ ...STATIC_SECURITY_HEADERS, "Content-Security-Policy": expect.stringContaining("default-src 'none'") });
  });
});
