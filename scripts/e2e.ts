// `npm run test:e2e`: a fresh production build, then Playwright against the built app and a lab it starts.
// The workspace project's console reads traffic from a Prometheus scraping its lab (playwright.config.ts), so
// Prometheus is installed here too when missing (as root; otherwise this fails saying how), as Chromium is: the
// e2e run alone must work on a fresh machine, not only after vitest's globalSetup.
import { ensureChromium } from "./ensure-chromium";
import { ensurePrometheus } from "./install-prometheus";
import { buildIfNeeded } from "./build-if-needed";
import { run } from "./processes";

const root = process.cwd();
await ensureChromium();
await ensurePrometheus();
// Tests always build: a stale .next would test yesterday's code.
await buildIfNeeded(root, true);
const code = await run("npx", ["playwright", "test", ...process.argv.slice(2)], { cwd: root });
process.exit(code);
