// Runs before every route (Next 16's proxy, formerly middleware; Node runtime): answers only configured hosts,
// refuses forged state-changing requests, and sets the security headers. The decisions are pure functions in
// server/http-guard, tested there; this file only adapts NextRequest to them.
import { NextResponse, type NextRequest } from "next/server";
import { MUTATION_HEADER } from "@/lib/http/mutation-header";
import { serverEnv } from "@/server/env";
import { guardRequest, type RequestFacts } from "@/server/http-guard/request-guard";
import { newNonce, securityHeaders } from "@/server/http-guard/security-headers";

export function proxy(request: NextRequest) {
  const headers = securityHeaders({ nonce: newNonce(), dev: process.env.NODE_ENV === "development" });
  const verdict = guardRequest(factsOf(request), serverEnv().allowedHosts);
  if (!verdict.ok) {
    // Answered here, so nothing behind (no route, no tRPC procedure, no write) ever sees the request.
    return new NextResponse(`${verdict.message}\n`, {
      status: verdict.status,
      headers: { ...headers, "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  // Next reads the nonce for its inline scripts from the request's CSP header during a dynamic render.
  const forwarded = new Headers(request.headers);
  forwarded.set("content-security-policy", headers["Content-Security-Policy"]);
  const response = NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
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
  // Build assets are immutable files (next.config.ts gives them the static security headers); everything else —
  // pages, the tRPC API, icons — passes through the guard.
  matcher: ["/((?!_next/static/).*)"],
};
