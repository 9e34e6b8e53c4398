import { describe, expect, it } from "vitest";
import type { ConfigError } from "@/lib/fleet-schema";
import { publicConfigError, publicPath, publicServer } from "./public-view";

describe("publicServer", () => {
  it.each([
    ["https://api.example.com:6443?access_token=s3cr3t", "https://api.example.com:6443"],
    ["https://api.example.com:6443/?access_token=s3cr3t#frag", "https://api.example.com:6443"],
    ["https://rancher.example.com/k8s/clusters/c-m-abc123", "https://rancher.example.com"],
    ["https://admin:pw@api.example.com", "https://api.example.com"],
    ["https://api.example.com:443", "https://api.example.com"],
    ["http://127.0.0.1:41234", "http://127.0.0.1:41234"],
    ["https://[::1]:6443/x", "https://[::1]:6443"],
    ["", ""],
    ["not a url", "(invalid server URL)"],
    ["(invalid server URL)", "(invalid server URL)"],
    ["unix:///var/run/k8s.sock?token=x", "(invalid server URL)"],
  ])("%s → %s", (server, expected) => {
    expect(publicServer(server)).toBe(expected);
  });
});

describe("publicPath", () => {
  it.each([
    ["/home/ada/.kube/config", "config"],
    ["/work/main/.lab/e2e/does-not-exist/kubeconfig", "kubeconfig"],
    ["kubeconfig", "kubeconfig"],
  ])("%s → %s", (file, expected) => {
    expect(publicPath(file)).toBe(expected);
  });
});

describe("publicConfigError", () => {
  it("reduces every path in the list and in the sentence to its file name", () => {
    const error: ConfigError = {
      reason: "missing",
      paths: ["/home/ada/.kube/config", "/home/ada/.kube/config.d/prod.yaml"],
      message: "No kubeconfig found at any of /home/ada/.kube/config, /home/ada/.kube/config.d/prod.yaml.",
      hint: "Run npm run demo.",
    };
    const shown = publicConfigError(error);
    expect(shown).toEqual({
      reason: "missing",
      paths: ["config", "prod.yaml"],
      message: "No kubeconfig found at any of config, prod.yaml.",
      hint: "Run npm run demo.",
    });
    expect(JSON.stringify(shown)).not.toContain("/home/ada");
  });
});
