import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // "server-only" throws unless resolved under the react-server condition (as Next does for server code); tests
  // run server modules directly, so they get its empty module.
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      "server-only": fileURLToPath(new URL("node_modules/server-only/empty.js", import.meta.url)),
    },
  },
  test: {
    include: ["**/*.test.ts", "**/*.test.tsx"],
    exclude: ["node_modules/**", ".next/**", "e2e/**", ".lab/**"],
    // Integration and conformance suites start real lab servers on loopback ports;
    // keep to the two cores this project's machines have.
    maxWorkers: 2,
    // The planner host's tests run the real worker thread, which loads the bundle (rebuilt only when stale).
    // The Prometheus integration test runs Debian's prometheus: installed here when absent (as root, once).
    globalSetup: ["scripts/build-model-worker.ts", "scripts/install-prometheus.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
