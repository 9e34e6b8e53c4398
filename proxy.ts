// Runs before every route (Next 16's proxy, formerly middleware; Node runtime): answers only configured hosts,
// refuses forged state-changing requests, sends people who are not signed in to the sign-in (oidc) or answers 401
// (proxy), and sets the security headers. The decisions are pure functions in server/http-guard and
// server/auth/page-gate.ts, tested there; this file only adapts NextRequest to them.
import { NextResponse, type NextRequest } from "next/server";
import { MUTATION_HEADER } from "@/lib/http/mutation-header";
import { answersItself, gateDecision, isOpenPath, isProbe } from "@/server/auth/page-gate";
import { resolveActor } from "@/server/auth/resolve-actor";
import { serverEnv } from "@/server/env";
import { ADMISSION_BUDGET_MS, createAdmission } from "@/server/http/admission";
import { guardRequest, type RequestFacts } from "@/server/http-guard/request-guard";
import { newNonce, securityHeaders } from "@/server/http-guard/security-headers";

// One per process: every request Next routes passes here first, so this is where a burst is spread over iterations.
const admission = createAdmission(ADMISSION_BUDGET_MS);

export async function proxy(request: NextRequest) {
  const headers = securityHeaders({ nonce: newNonce(), dev: process.env.NODE_ENV === "development" });
  // The kubelet's probes pass untouched by the Host check and the sign-in (see isProbe); they only read.
  if (isProbe(request.method, request.nextUrl.pathname)) return withHeaders(NextResponse.next(), headers);
  // Probes above never wait (a kubelet must see a live process); everything else takes its turn (admission.ts).
  const admitted = admission.admit();
  if (admitted.kind === "full") return refusal(503, `The console is busy: ${admitted.waiting} requests are waiting. Try again in a few seconds.`, { ...headers, "Retry-After": "2" });
  if (admitted.kind === "queued") await admitted.turn;
  const env = serverEnv();
  const verdict = guardRequest(factsOf(request), env.allowedHosts);
  // Answered here, so nothing behind (no route, no tRPC procedure, no write) ever sees the request.
  if (!verdict.ok) return refusal(verdict.status, verdict.message, headers);
  const gate = await authGate(request, env.auth);
  if (gate.kind === "refuse") return refusal(gate.status, gate.message, headers);
  if (gate.kind === "redirect") return withHeaders(NextResponse.redirect(signInUrl(gate.location, env.auth, request), { status: 303, headers: { "Cache-Control": "no-store" } }), headers);
  // Next reads the nonce for its inline scripts from the request's CSP header during a dynamic render.
  const forwarded = new Headers(request.headers);
  forwarded.set("content-security-policy", headers["Content-Security-Policy"]);
  return withHeaders(NextResponse.next({ request: { headers: forwarded } }), headers);
}

function withHeaders(response: NextResponse, headers: Record<string, string>): NextResponse {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

/**
 * Absolute, because Next's proxy adapter parses a redirect's Location as a URL (a relative one is a 500), and on the
 * console's public origin, EASTWEST_OIDC_REDIRECT_URI's: the sign-in's login cookie must be set on the origin the
 * provider sends the browser back to (request.url would not do: Next rewrites 127.0.0.1 to localhost in it).
 */
function signInUrl(location: string, auth: ReturnType<typeof serverEnv>["auth"], request: NextRequest): URL {
  return new URL(location, auth.mode === "oidc" ? auth.redirectUri : request.url);
}

function refusal(status: number, message: string, headers: Record<string, string>): NextResponse {
  return new NextResponse(`${message}\n`, { status, headers: { ...headers, "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

/** Mode none, the open paths and the tRPC route (which answers its own 401) pass without looking for a person. */
async function authGate(request: NextRequest, auth: ReturnType<typeof serverEnv>["auth"]) {
  const { pathname, search } = request.nextUrl;
  if (auth.mode === "none" || isOpenPath(pathname) || answersItself(pathname)) return { kind: "pass" as const };
  return gateDecision({ method: request.method, pathname, search }, auth.mode, await resolveActor(request.headers, auth));
}

function factsOf(request: NextRequest): RequestFacts {
  const h = request.headers;
  return {
    method: request.method,
    pathname: request.nextUrl.pathname,
    host: h.get("host"),
    origin: h.get("origin"),
    contentType: h.get("content-type"),
    mutationHeader: h.get(MUTATION_HEADER),
    fetchSite: h.get("sec-fetch-site"),
  };
}

export const config = {
  // Build assets are immutable files (next.config.js gives them the static security headers); everything else —
  // pages, the tRPC API, icons — passes through the guard.
  matcher: ["/((?!_next/static/).*)"],
};
