import { defineConfig } from "@playwright/test";
import { CHROMIUM } from "./scripts/ensure-chromium";
import { labConsoleSettings } from "./e2e/support/console";
import { ADMIN_PORT, DEMO_ADMIN_PORT, DEMO_LAB_KUBECONFIG, LAB_KUBECONFIG } from "./e2e/support/lab";
import { OIDC_CONSOLE_PORT, OIDC_ISSUER, OIDC_PORT } from "./e2e/support/oidc-accounts";
import { consoleCommand, OIDC_CONSOLE_URL, oidcConsoleEnv, PROXY_CONSOLE_PORT, PROXY_CONSOLE_URL, proxyConsoleEnv } from "./e2e/support/oidc-consoles";
import { AUTH_ADMIN_PORT, AUTH_LAB_KUBECONFIG } from "./e2e/support/oidc-lab";
import { standaloneCommand } from "./e2e/support/standalone";

/**
 * e2e against the built app (`next build` first), started as the container image starts it (Next's standalone
 * server, e2e/support/standalone.ts), and a real lab. The lab runs the e2e
 * scenario on ephemeral cluster ports with a fixed admin port the specs use to inject
 * faults. A second app server runs with a kubeconfig path that does not exist. The workspace project gets
 * its own lab (the demo scenario: three clusters, no gateways) and app server, because it writes to the clusters,
 * and a Prometheus scraping that lab's per-cluster Istio metrics (fixed port 19490, off the consoles' 3100-3110
 * and the labs' admin 17490/17491), whose URL its console is given: the failover table shows who served what.
 * Playwright starts the web servers in order, so the lab is up (its admin endpoint lists the metrics URLs)
 * before Prometheus, and Prometheus before the console.
 * The auth projects (issue 14) share a third lab (the demo scenario; they write) and a real OpenID provider
 * (oidc-provider on 3106): one console in mode oidc (3104), one in mode proxy (3105, trusting 127.0.0.2 only).
 */

/** The workspace project's Prometheus (scripts/demo-prometheus.ts as a command). */
const DEMO_PROMETHEUS_PORT = 19490;
const DEMO_PROMETHEUS_URL = `http://127.0.0.1:${DEMO_PROMETHEUS_PORT}`;

// The labs are the only place the registry writes (standalone).
const appEnv = (kubeconfig: string) => ({ ...labConsoleSettings(kubeconfig), EASTWEST_REGISTRY_MODE: "standalone" });

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
      executablePath: CHROMIUM,
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
    // The frame, navigation, 404, time format and colour schemes: read-only, on the fleet project's console and lab.
    { name: "navigation", testMatch: /navigation\.spec\.ts/, use: { baseURL: "http://127.0.0.1:3100" } },
    { name: "missing-kubeconfig", testMatch: /missing-kubeconfig\.spec\.ts/, use: { baseURL: "http://127.0.0.1:3101" } },
    { name: "workspace", testMatch: /workspace-.*\.spec\.ts/, use: { baseURL: "http://127.0.0.1:3102" } },
    // Forged requests and headers against the workspace project's console (its lab is the one the registry writes to).
    { name: "security", testMatch: /security-.*\.spec\.ts/, use: { baseURL: "http://127.0.0.1:3102" } },
    // Sign-in, roles, impersonation and refusals; auth-secrets.spec.ts (the canary) runs in both modes.
    { name: "auth-oidc", testMatch: /auth-(oidc-.*|secrets)\.spec\.ts/, use: { baseURL: OIDC_CONSOLE_URL } },
    { name: "auth-proxy", testMatch: /auth-(proxy-.*|secrets)\.spec\.ts/, use: { baseURL: PROXY_CONSOLE_URL } },
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
      command: standaloneCommand(3100),
      url: "http://127.0.0.1:3100/",
      env: appEnv(LAB_KUBECONFIG),
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: standaloneCommand(3101),
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
      command: `npx tsx scripts/demo-prometheus.ts --admin-port ${DEMO_ADMIN_PORT} --kubeconfig ${DEMO_LAB_KUBECONFIG} --port ${DEMO_PROMETHEUS_PORT}`,
      url: `${DEMO_PROMETHEUS_URL}/-/ready`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
    },
    {
      command: standaloneCommand(3102),
      url: "http://127.0.0.1:3102/",
      env: { ...appEnv(DEMO_LAB_KUBECONFIG), EASTWEST_PROMETHEUS_URL: DEMO_PROMETHEUS_URL },
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `npx tsx lab/main.ts --scenario demo --kubeconfig ${AUTH_LAB_KUBECONFIG} --port-base 0 --admin-port ${AUTH_ADMIN_PORT}`,
      url: `http://127.0.0.1:${AUTH_ADMIN_PORT}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
    },
    {
      command: `npx tsx scripts/e2e-oidc-provider.ts --port ${OIDC_PORT}`,
      url: `${OIDC_ISSUER}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    // Ready when they answer at all: signed out, "/" is a redirect to sign in (oidc) or a 401 (proxy).
    { command: consoleCommand(OIDC_CONSOLE_PORT, "oidc"), url: `${OIDC_CONSOLE_URL}/`, env: oidcConsoleEnv(), reuseExistingServer: false, timeout: 60_000 },
    { command: consoleCommand(PROXY_CONSOLE_PORT, "proxy"), url: `${PROXY_CONSOLE_URL}/`, env: proxyConsoleEnv(), reuseExistingServer: false, timeout: 60_000 },
  ],
});
