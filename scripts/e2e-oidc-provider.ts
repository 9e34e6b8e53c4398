// `tsx scripts/e2e-oidc-provider.ts [--port 3106]`: the auth e2e's OpenID provider (e2e/support/oidc-provider.ts)
// as a process Playwright starts (playwright.config.ts webServer); ready when its discovery document answers.
import { parseArgs } from "node:util";
import { z } from "zod";
import { OIDC_PORT } from "../e2e/support/oidc-accounts";
import { startOidcProvider } from "../e2e/support/oidc-provider";

const { values } = parseArgs({ options: { port: { type: "string", default: String(OIDC_PORT) } } });
const port = z.coerce.number().int().min(1).max(65_535).parse(values.port);
const running = await startOidcProvider(port);
console.log(`e2e OpenID provider: ${running.issuer}/.well-known/openid-configuration`);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void running.close().then(() => process.exit(0)));
