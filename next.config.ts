import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // client-node is large and server-only: keep it out of the bundle (cuts build time and memory).
  serverExternalPackages: ["@kubernetes/client-node"],
  poweredByHeader: false,
  // The build type-checks the product only; the lab is a separate program (checked by
  // `npm run typecheck`, which covers everything) and must not fail the app's build.
  typescript: { tsconfigPath: "tsconfig.build.json" },
};

export default nextConfig;
