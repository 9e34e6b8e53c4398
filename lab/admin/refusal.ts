// Who may use the admin endpoint: scripts and tests on this machine, never a browser. A page on any site can
// send requests to 127.0.0.1 (a "simple" POST needs no CORS preflight), and a DNS-rebinding page even looks
// same-origin, so the endpoint refuses anything a browser sent, before looking at the path, and then wants
// the lab's bearer token (which no page can read from disk) everywhere but the health check.
//
// Browsers mark every request with fetch metadata (Sec-Fetch-Site, Sec-Fetch-Dest) and cross-origin or
// non-GET ones with Origin. curl sends none of these; node's fetch (undici) sends `Sec-Fetch-Mode: cors` but
// neither Sec-Fetch-Site nor Sec-Fetch-Dest nor Origin, so Sec-Fetch-Mode alone cannot tell them apart.
import type { IncomingMessage } from "node:http";
import { ADMIN_TOKEN_FILE, bearerMatches } from "./token";

export type Refusal = { code: 401 | 403; message: string; headers?: Record<string, string> };

const BROWSER_HEADERS = ["origin", "sec-fetch-site", "sec-fetch-dest", "sec-fetch-user"] as const;

export function fromBrowser(req: IncomingMessage): string | undefined {
  return BROWSER_HEADERS.find((h) => req.headers[h] !== undefined);
}

/** Why this request is refused, or undefined when it may proceed. */
export function refusal(req: IncomingMessage, path: string, token: string): Refusal | undefined {
  const header = fromBrowser(req);
  if (header) return { code: 403, message: `the lab admin endpoint does not serve browsers (the request carries ${header}); use curl or a script.` };
  if (path === "/healthz") return undefined;
  if (bearerMatches(req.headers.authorization, token)) return undefined;
  return {
    code: 401,
    message: `send "Authorization: Bearer <token>" with the token from the ${ADMIN_TOKEN_FILE} file beside the lab's kubeconfig (printed when the lab starts).`,
    headers: { "WWW-Authenticate": 'Bearer realm="lab-admin"' },
  };
}
