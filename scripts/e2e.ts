// `npm run test:e2e`: a fresh production build, then Playwright against the built app and a lab it starts.
import { buildIfNeeded } from "./build-if-needed";
import { ensureChromium } from "./ensure-chromium";
import { run } from "./processes";

const root = process.cwd();
await ensureChromium();
// Tests always build: a stale .next would test yesterday's code.
await buildIfNeeded(root, true);
const code = await run("npx", ["playwright", "test", ...process.argv.slice(2)], { cwd: root });
process.exit(code);
