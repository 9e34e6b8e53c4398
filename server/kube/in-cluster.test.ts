import { afterEach, describe, expect, it } from "vitest";
import { loadInCluster } from "./kubeconfig";

const saved = { host: process.env.KUBERNETES_SERVICE_HOST, port: process.env.KUBERNETES_SERVICE_PORT };
afterEach(() => {
  for (const [key, value] of [["KUBERNETES_SERVICE_HOST", saved.host], ["KUBERNETES_SERVICE_PORT", saved.port]] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

describe("loadInCluster", () => {
  it.each([
    ["IPv4, default HTTPS port", "10.96.0.1", "443", "https://10.96.0.1"],
    ["IPv6 is bracketed", "fd00::1", "6443", "https://[fd00::1]:6443"],
  ])("%s", (_name, host, port, server) => {
    process.env.KUBERNETES_SERVICE_HOST = host;
    process.env.KUBERNETES_SERVICE_PORT = port;
    const load = loadInCluster();
    expect(load.ok).toBe(true);
    if (!load.ok) return;
    expect(load.clusters.map((c) => [c.name, c.server])).toEqual([["in-cluster", server]]);
    // The service account token is read from its file per request, never copied into the handle's view.
    expect(load.clusters[0]?.kubeConfig?.getCurrentUser()?.authProvider?.name).toBe("tokenFile");
  });
});
