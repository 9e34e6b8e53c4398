import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // client-node is large and server-only: keep it out of the bundle (cuts build time and memory).
  serverExternalPackages: ["@kubernetes/client-node"],
  poweredByHeader: false,
};

export default nextConfig;
