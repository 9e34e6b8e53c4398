import { defineConfig } from "@playwright/test";
import { ADMIN_PORT, DEMO_ADMIN_PORT, DEMO_LAB_KUBECONFIG, LAB_KUBECONFIG } from "./e2e/support/lab";

/**
 * e2e against the built app (`next build` first) and a real lab. The lab runs the e2e
 * scenario on ephemeral cluster ports with a fixed admin port the specs use to inject
 * faults. A second app server runs with a kubeconfig path that does not exist. The workspace project gets
 * its own lab (the demo scenario: three clusters, no gateways) and app server, because it writes to the clusters.
 */

const appEnv = (kubeconfig: string) => ({
  KUBECONFIG: kubeconfig,
  NEXT_TELEMETRY_DISABLED: "1",
  // Probe every second so a cut-off cluster shows within a few seconds.
  EASTWEST_PROBE_INTERVAL_MS: "1000",
  EASTWEST_PROBE_TIMEOUT_MS: "1500",
  // Informers notice a hung API within the same time and retry quickly once it is back.
  EASTWEST_LIST_TIMEOUT_MS: "1500",
  EASTWEST_BACKOFF_MAX_MS: "1000",
  // The labs are the only place these belong: the registry writes, and lab gateways publish loopback addresses.
  EASTWEST_REGISTRY_MODE: "standalone",
  EASTWEST_ALLOW_LOOPBACK_GATEWAY_ADDRESSES: "true",
});

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    trace: "retain-on-failure",
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "fleet", testMatch: /fleet-.*\.spec\.ts/, use: { baseURL: "http://127.0.0.1:3100" } },
    { name: "missing-kubeconfig", testMatch: /missing-kubeconfig\.spec\.ts/, use: { baseURL: "http://127.0.0.1:3101" } },
    { name: "workspace", testMatch: /workspace-.*\.spec\.ts/, use: { baseURL: "http://127.0.0.1:3102" } },
    // Forged requests and headers against the workspace project's console (its lab is the one the registry writes to).
    { name: "security", testMatch: /security-.*\.spec\.ts/, use: { baseURL: "http://127.0.0.1:3102" } },
  ],
  webServer: [
    {
      command: `npx tsx lab/main.ts --scenario e2e --kubeconfig ${LAB_KUBECONFIG} --port-base 0 --admin-port ${ADMIN_PORT}`,
      url: `http://127.0.0.1:${ADMIN_PORT}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
    },
    {
      command: "npx next start -H 127.0.0.1 -p 3100",
      url: "http://127.0.0.1:3100/",
      env: appEnv(LAB_KUBECONFIG),
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: "npx next start -H 127.0.0.1 -p 3101",
      url: "http://127.0.0.1:3101/",
      env: appEnv(".lab/e2e/does-not-exist/kubeconfig"),
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `npx tsx lab/main.ts --scenario demo --kubeconfig ${DEMO_LAB_KUBECONFIG} --port-base 0 --admin-port ${DEMO_ADMIN_PORT}`,
      url: `http://127.0.0.1:${DEMO_ADMIN_PORT}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
    },
    {
      command: "npx next start -H 127.0.0.1 -p 3102",
      url: "http://127.0.0.1:3102/",
      env: appEnv(DEMO_LAB_KUBECONFIG),
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
