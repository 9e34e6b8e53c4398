import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

const home = "/home/ada";

describe("parseEnv", () => {
  it.each([
    ["unset → ~/.kube/config", {}, ["/home/ada/.kube/config"]],
    ["empty → ~/.kube/config", { KUBECONFIG: "" }, ["/home/ada/.kube/config"]],
    ["one path", { KUBECONFIG: "/etc/k.yaml" }, ["/etc/k.yaml"]],
    ["colon list like kubectl", { KUBECONFIG: "/a:/b::/c" }, ["/a", "/b", "/c"]],
    ["~ expands", { KUBECONFIG: "~/x:~" }, ["/home/ada/x", "/home/ada"]],
    ["relative resolves from cwd", { KUBECONFIG: ".lab/kubeconfig" }, [path.resolve(".lab/kubeconfig")]],
  ])("KUBECONFIG %s", (_name, raw, expected) => {
    expect(parseEnv(raw, home).kubeconfigPaths).toEqual(expected);
  });

  it.each([
    [undefined, []],
    ["west", ["west"]],
    [" west, east ,,north ", ["west", "east", "north"]],
  ])("EASTWEST_CONTEXTS %s", (value, expected) => {
    expect(parseEnv({ EASTWEST_CONTEXTS: value }, home).contexts).toEqual(expected);
  });

  it("management cluster defaults to undefined (first context) and trims", () => {
    expect(parseEnv({}, home).managementCluster).toBeUndefined();
    expect(parseEnv({ EASTWEST_MANAGEMENT_CLUSTER: " east " }, home).managementCluster).toBe("east");
  });

  it("probe timings have defaults and coerce numbers", () => {
    expect(parseEnv({}, home)).toMatchObject({ probeIntervalMs: 5000, probeTimeoutMs: 3000 });
    expect(parseEnv({ EASTWEST_PROBE_INTERVAL_MS: "1000" }, home).probeIntervalMs).toBe(1000);
  });

  it("informer timings have defaults", () => {
    expect(parseEnv({}, home)).toMatchObject({ listTimeoutMs: 10_000, watchTimeoutSeconds: 300, backoff: { initialMs: 500, maxMs: 10_000 }, flushIntervalMs: 100 });
    expect(parseEnv({ EASTWEST_BACKOFF_MAX_MS: "2000", EASTWEST_WATCH_TIMEOUT_SECONDS: "30" }, home)).toMatchObject({ backoff: { maxMs: 2000 }, watchTimeoutSeconds: 30 });
  });

  it.each([
    ["no KUBECONFIG, in a pod", { KUBERNETES_SERVICE_HOST: "10.0.0.1" }, true],
    ["KUBECONFIG wins in a pod", { KUBERNETES_SERVICE_HOST: "10.0.0.1", KUBECONFIG: "/k" }, false],
    ["outside a pod", {}, false],
  ])("in-cluster: %s", (_name, raw, expected) => {
    expect(parseEnv(raw, home).inCluster).toBe(expected);
  });

  it.each([["0"], ["-5"], ["soon"]])("rejects probe interval %s", (value) => {
    expect(() => parseEnv({ EASTWEST_PROBE_INTERVAL_MS: value }, home)).toThrow(/Invalid environment:[\s\S]*EASTWEST_PROBE_INTERVAL_MS/);
  });

  it.each([
    ["unset → loopback names", undefined, ["localhost", "127.0.0.1", "[::1]"]],
    ["a list, lower-cased", " Console.Example.com ,console.internal:8443", ["console.example.com", "console.internal:8443"]],
  ])("EASTWEST_ALLOWED_HOSTS %s", (_name, value, expected) => {
    expect(parseEnv({ EASTWEST_ALLOWED_HOSTS: value }, home).allowedHosts).toEqual(expected);
  });

  it.each([
    [undefined, false],
    ["true", true],
    ["1", true],
    ["false", false],
  ])("EASTWEST_ALLOW_LOOPBACK_GATEWAY_ADDRESSES %s → %s", (value, expected) => {
    expect(parseEnv({ EASTWEST_ALLOW_LOOPBACK_GATEWAY_ADDRESSES: value }, home).allowLoopbackGatewayAddresses).toBe(expected);
  });

  it("auth mode defaults to none and rejects unknown modes by name", () => {
    expect(parseEnv({}, home).authMode).toBe("none");
    expect(() => parseEnv({ EASTWEST_AUTH_MODE: "magic" }, home)).toThrow(/EASTWEST_AUTH_MODE/);
  });

  it("auth settings: mode none by default, proxy/oidc parsed by server/auth/settings.ts, failures name the variable", () => {
    expect(parseEnv({}, home)).toMatchObject({ authMode: "none", auth: { mode: "none" }, impersonateReads: false });
    expect(parseEnv({ EASTWEST_AUTH_MODE: "proxy", EASTWEST_PROXY_TRUSTED: "10.0.0.7", EASTWEST_IMPERSONATE_READS: "true" }, home)).toMatchObject({ authMode: "proxy", impersonateReads: true });
    expect(() => parseEnv({ EASTWEST_AUTH_MODE: "oidc", EASTWEST_OIDC_ISSUER: "https://idp.example", EASTWEST_OIDC_CLIENT_ID: "c", EASTWEST_OIDC_REDIRECT_URI: "https://c.example/auth/callback" }, home)).toThrow(
      /^Invalid environment:\nEASTWEST_SESSION_SECRET must be set/,
    );
  });
});
