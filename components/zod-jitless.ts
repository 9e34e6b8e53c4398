// The console's pages (and the layout worker) run under a CSP without 'unsafe-eval'. zod 4 probes `new Function`
// once, on the first object parse, to decide whether to compile its parsers; the probe's throw is caught, but the
// browser still reports it as a `securitypolicyviolation` (e2e/security-headers.spec.ts fails on any). With jitless
// there is no probe and zod interprets: fast enough for URL parameters and a worker's small messages. Imported for
// its effect, before any parse, by every client entry (providers.tsx, layout.worker.ts).
import { z } from "zod";

z.config({ jitless: true });
