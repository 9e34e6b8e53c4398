// What proxy.ts does with a request nobody is signed in for (modes proxy and oidc): pages go to the sign-in
// (oidc) or get 401 (proxy: the proxy in front signs people in, the console cannot); the tRPC route answers its
// own 401 in tRPC's error shape; the sign-in routes and build assets are open. Pure.
import { loginPath } from "./return-to";
import type { ActorResult } from "./resolve-actor";
import type { AuthMode } from "./identity";

export type GateDecision = { kind: "pass" } | { kind: "redirect"; location: string } | { kind: "refuse"; status: 401; message: string };

/** Paths served to everyone: the sign-in flow itself, and what the browser needs to render its pages. */
export function isOpenPath(pathname: string): boolean {
  return pathname.startsWith("/auth/") || pathname.startsWith("/_next/") || pathname === "/favicon.svg" || pathname === "/favicon.ico";
}

/**
 * Kubernetes' liveness and readiness probes (app/healthz, app/readyz): the kubelet connects to the pod's IP, a Host
 * no allow-list names, and signs in as nobody. They answer only "serving" / "ready", and only to GET or HEAD.
 */
export function isProbe(method: string, pathname: string): boolean {
  return (method === "GET" || method === "HEAD") && (pathname === "/healthz" || pathname === "/readyz");
}

/** The tRPC route checks the person itself (route.ts), so that its 401 has the shape the browser's client reads. */
export const answersItself = (pathname: string) => pathname === "/api/trpc" || pathname.startsWith("/api/trpc/");

export function gateDecision(request: { method: string; pathname: string; search: string }, mode: AuthMode, resolved: ActorResult): GateDecision {
  if (mode === "none" || resolved.ok) return { kind: "pass" };
  const page = !request.pathname.startsWith("/api/") && (request.method === "GET" || request.method === "HEAD");
  if (page && mode === "oidc") return { kind: "redirect", location: loginPath(`${request.pathname}${request.search}`) };
  return { kind: "refuse", status: 401, message: resolved.message };
}
