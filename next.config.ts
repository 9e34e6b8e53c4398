import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./server/http-guard/security-headers";

const nextConfig: NextConfig = {
  // client-node is large and server-only: keep it out of the bundle (cuts build time and memory).
  serverExternalPackages: ["@kubernetes/client-node"],
  poweredByHeader: false,
  // The build type-checks the product only; the lab is a separate program (checked by
  // `npm run typecheck`, which covers everything) and must not fail the app's build.
  typescript: { tsconfigPath: "tsconfig.build.json" },
  // proxy.ts sets these (and the per-request CSP) on everything it sees; build assets bypass it, so they get the
  // fixed headers here, with a CSP that lets a script or stylesheet file do nothing when opened as a document.
  async headers() {
    const fixed = Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value }));
    return [
      {
        source: "/_next/static/:path*",
        headers: [...fixed, { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
};

export default nextConfig;
