// The response headers every answer of the console carries. Pure: the nonce and the build mode come in as arguments.
//
// Scripts are allowed by a per-request nonce rather than 'unsafe-inline'. Next's App Router streams its flight data
// and bootstrap as inline <script> tags; during a dynamic render it reads the nonce from the request's
// Content-Security-Policy header and puts it on every script it emits (docs: app/guides/content-security-policy).
// Every page of the console is rendered per request already (`await connection()`: the fleet is live state), so
// nonces cost no static optimisation here, and an injected inline script, lacking the nonce, does not run. Pages
// prerendered at build time (Next's own 404) carry no nonce; their HTML still renders, only without hydration.
// Styles: Tailwind ships a stylesheet from 'self'; React and Radix set style attributes, which need
// 'unsafe-inline' for styles (a style cannot run code). Development needs 'unsafe-eval' for React's debugging
// aids, production never.

export type CspOptions = { nonce: string; dev: boolean };

export function contentSecurityPolicy({ nonce, dev }: CspOptions): string {
  const directives: Array<[string, ...string[]]> = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${nonce}'`, ...(dev ? ["'unsafe-eval'"] : [])],
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'", "data:"],
    // Same-origin fetches and event streams only (the dev server's hot reload socket is same-origin too).
    ["connect-src", "'self'", ...(dev ? ["ws:"] : [])],
    ["object-src", "'none'"],
    ["base-uri", "'none'"],
    ["form-action", "'self'"],
    // Nobody may frame the console (clickjacking); X-Frame-Options says the same to older browsers.
    ["frame-ancestors", "'none'"],
  ];
  return directives.map((d) => d.join(" ")).join("; ");
}

/** Headers for every response, CSP included. */
export function securityHeaders(csp: CspOptions): { "Content-Security-Policy": string; [name: string]: string } {
  return {
    "Content-Security-Policy": contentSecurityPolicy(csp),
    ...STATIC_SECURITY_HEADERS,
  };
}

/** The headers that need no per-request value; next.config.js sets them (a copy, checked equal by next-config.test.ts) on responses the proxy does not see. */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "no-referrer",
  "Cross-Origin-Opener-Policy": "same-origin",
  // Other sites may not embed the console's responses (API answers, scripts) as their own subresources.
  "Cross-Origin-Resource-Policy": "same-origin",
};

/** 128 random bits, base64: unguessable per response, as CSP nonces must be. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
