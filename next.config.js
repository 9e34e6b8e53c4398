// @ts-check
// Next's configuration, in plain JavaScript (Node loads it as it is, with no TypeScript step). Two values repeat the
// product's TypeScript constants, and next-config.test.ts checks they are equal: MAX_BODY_BYTES
// (lib/validation/limits.ts) and STATIC_SECURITY_HEADERS (server/http-guard/security-headers.ts).

/** lib/validation/limits.ts MAX_BODY_BYTES: the tRPC route answers 413 above it. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** server/http-guard/security-headers.ts STATIC_SECURITY_HEADERS. */
export const STATIC_SECURITY_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "no-referrer",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
};

/** @type {import("next").NextConfig} */
const nextConfig = {
  // client-node is large and server-only: keep it out of the bundle (cuts build time and memory).
  serverExternalPackages: ["@kubernetes/client-node"],
  poweredByHeader: false,
  // The container image runs .next/standalone (server.js with only the traced node_modules); scripts/
  // prepare-standalone.ts adds the browser assets and the planner worker. Demo and e2e start it the same way.
  output: "standalone",
  // The build type-checks the product only; the lab is a separate program (checked by
  // `npm run typecheck`, which covers everything) and must not fail the app's build.
  typescript: { tsconfigPath: "tsconfig.build.json" },
  experimental: {
    // With a proxy, Next keeps a copy of every request body for the route (10 MB by default). The tRPC route reads
    // at most MAX_BODY_BYTES and answers 413 above that, so one byte more is all the copy needs: the route still
    // sees that the body is too large, and a request holds about 1 MiB of memory, not 10.
    proxyClientMaxBodySize: MAX_BODY_BYTES + 1,
  },
  // proxy.ts sets these (and the per-request CSP) on everything it sees; build assets bypass it, so they get the
  // fixed headers here, with a CSP that lets a script or stylesheet file do nothing when opened as a document. A
  // dedicated Web Worker runs under its own script's CSP, and the topology's layout worker loads its chunks with
  // importScripts: `script-src 'self'` lets it, and gives a file opened as a document nothing it can run (a .js
  // file is served as JavaScript with nosniff, not as HTML).
  async headers() {
    const fixed = Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value }));
    return [
      {
        source: "/_next/static/:path*",
        headers: [...fixed, { key: "Content-Security-Policy", value: "default-src 'none'; script-src 'self'; frame-ancestors 'none'" }],
      },
    ];
  },
};

export default nextConfig;
