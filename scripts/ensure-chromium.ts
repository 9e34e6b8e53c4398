// e2e tests drive Debian's Chromium (a browser download is impossible on these machines). On a fresh machine
// `npm test` installs it with apt-get when it runs as root, so the README's one test command is all CI needs.
import { existsSync } from "node:fs";
import { run } from "./processes";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function ensureChromium(): Promise<void> {
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`Chromium not found at ${CHROMIUM}. Install it (sudo apt-get install -y chromium) or set CHROMIUM_PATH.`);
  }
  console.log("e2e: installing Debian's chromium (once per machine)…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  if ((await run("apt-get", ["update", "-qq"], { env })) !== 0) throw new Error("apt-get update failed");
  if ((await run("apt-get", ["install", "-y", "-qq", "chromium"], { env })) !== 0) throw new Error("apt-get install chromium failed");
}
