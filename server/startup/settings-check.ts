// Start-up: the configuration is parsed before anything is served, and a missing or unsafe auth setting (no
// session secret, a short one, no trusted proxy, …) stops the process with the sentence that names it.
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
  return env;
}
