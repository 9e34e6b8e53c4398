// Start-up as Next runs it (instrumentation.ts register() in a Node process): an unsafe auth setting stops the
// process with exit code 1 and the sentence naming the variable, before anything listens or any cluster is
// contacted, and the refused secret itself is printed nowhere.
import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
const SHORT_SECRET = "too-short-secret-1234567";

function start(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const script = 'const m = await import("./instrumentation.ts"); await m.register(); console.log("started");';
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ["--conditions=react-server", "--import", tsx, "--input-type=module", "-e", script],
      // KUBECONFIG points nowhere: a start-up that got past the check could not reach a cluster either.
      { cwd: root, env: { NODE_ENV: "production", PATH: process.env.PATH ?? "", NEXT_RUNTIME: "nodejs", KUBECONFIG: "/nonexistent/kubeconfig", ...env }, timeout: 20_000, encoding: "utf8" },
      (_err, stdout, stderr) => resolve({ code: child.exitCode, output: `${stdout}${stderr}` }),
    );
  });
}

const OIDC = { EASTWEST_AUTH_MODE: "oidc", EASTWEST_OIDC_ISSUER: "https://idp.example.com", EASTWEST_OIDC_CLIENT_ID: "eastwest", EASTWEST_OIDC_REDIRECT_URI: "https://console.example.com/auth/callback" };

describe("start-up with unsafe auth settings", () => {
  it.each<[string, Record<string, string>, string]>([
    ["oidc without a session secret", OIDC, "EASTWEST_SESSION_SECRET must be set in mode oidc"],
    ["oidc with a short session secret", { ...OIDC, EASTWEST_SESSION_SECRET: SHORT_SECRET }, "EASTWEST_SESSION_SECRET must be at least 32 characters long; it has 24."],
    ["proxy without trusted addresses", { EASTWEST_AUTH_MODE: "proxy" }, "EASTWEST_PROXY_TRUSTED must list"],
  ])("%s: exits 1 with the sentence", async (_name, env, sentence) => {
    const { code, output } = await start(env);
    expect(code).toBe(1);
    expect(output).toContain("Eastwest Console cannot start.");
    expect(output).toContain(sentence);
    expect(output).not.toContain("started");
    expect(output).not.toContain(SHORT_SECRET);
  });
});
