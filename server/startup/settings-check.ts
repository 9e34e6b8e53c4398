// Start-up: the configuration is parsed before anything is served, and a missing or unsafe auth setting (no
// session secret, a short one, no trusted proxy, …) stops the process with the sentence that names it.
import { providerMetadata } from "@/server/auth/oidc-client";
import type { OidcSettings } from "@/server/auth/settings";
import { serverEnv, type ServerEnv } from "@/server/env";
import { authLine } from "./auth-line";

export function loadSettingsOrExit(log: (line: string) => void = console.log): ServerEnv {
  let env: ServerEnv;
  try {
    env = serverEnv();
  } catch (error) {
    // parseEnv's messages name variables and limits, never a value.
    console.error(`Eastwest Console cannot start. ${(error as { message?: unknown }).message ?? "Invalid environment."}`);
    process.exit(1);
  }
  log(authLine(env.auth));
  if (env.auth.mode === "oidc") void discoverProvider(env.auth, log);
  return env;
}

/**
 * The provider's discovery document, fetched once at start-up in the background (the first sign-in then need not
 * wait for it): an operator sees a wrong issuer or an unreachable provider in the log at once, not at the first
 * sign-in. A failure is not kept; each sign-in tries again.
 */
export async function discoverProvider(auth: OidcSettings, log: (line: string) => void): Promise<void> {
  try {
    const metadata = await providerMetadata(auth);
    log(`auth: oidc provider ${metadata.issuer} answered; PKCE S256 ${metadata.code_challenge_methods_supported?.includes("S256") ? "supported" : "not announced"}`);
  } catch (error) {
    const reason = String((error as { message?: unknown } | undefined)?.message ?? "unknown").slice(0, 200);
    log(`auth: oidc provider ${auth.issuer} cannot be reached yet (${reason}); sign-ins fail until it answers`);
  }
}
