// Which requests the console answers at all, decided from the request line and headers before any route runs
// (proxy.ts). Pure and table-tested (request-guard.test.ts).
import { MUTATION_HEADER, MUTATION_HEADER_VALUE } from "@/lib/http/mutation-header";
import { isAllowedHost, parseHostPort } from "./host";

/** What the guard reads of a request; header values as received (null when absent). */
export type RequestFacts = {
  method: string;
  pathname: string;
  host: string | null;
  origin: string | null;
  contentType: string | null;
  /** The custom header the console's own page sends with every POST. */
  mutationHeader: string | null;
  /** Sec-Fetch-Site: what the browser says about who started the request (absent outside browsers). */
  fetchSite: string | null;
};

export type GuardVerdict =
  | { ok: true }
  | { ok: false; status: 421; reason: "host"; message: string }
  | { ok: false; status: 403; reason: "cross-site" | "mutation-header" | "origin" | "content-type"; message: string };

// GET, HEAD and OPTIONS change nothing here: tRPC answers a mutation sent as GET with 405 (its method override is
// off), subscriptions only read, and pages only render.
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
// The browser's own verdict on who started a request; "none" is a typed address or a bookmark.
const FIRST_PARTY_SITES = new Set(["same-origin", "none"]);

export function guardRequest(req: RequestFacts, allowedHosts: readonly string[]): GuardVerdict {
  if (!isAllowedHost(req.host, allowedHosts)) {
    const configured = allowedHosts.join(", ") || "none";
    return refuse(421, "host", `This console does not answer for host "${clip(req.host ?? "")}". Allowed hosts: ${configured} (EASTWEST_ALLOWED_HOSTS).`);
  }
  const safe = SAFE_METHODS.has(req.method.toUpperCase());
  // Pages may be opened from links on other sites; the API is for the console's own page only. This also keeps
  // other sites from opening event streams or loading API responses as <img>/<script> in a visitor's browser.
  if ((!safe || req.pathname.startsWith("/api/")) && req.fetchSite !== null && !FIRST_PARTY_SITES.has(req.fetchSite)) {
    return refuse(403, "cross-site", `Requests to the console's API from another site are refused (Sec-Fetch-Site: ${clip(req.fetchSite)}).`);
  }
  if (safe) return { ok: true };
  if (req.mutationHeader !== MUTATION_HEADER_VALUE) {
    return refuse(403, "mutation-header", `A ${req.method} needs the header ${MUTATION_HEADER}: ${MUTATION_HEADER_VALUE}, which the console's own page sends.`);
  }
  if (!isSameOrigin(req.origin, req.host)) {
    return refuse(403, "origin", `A ${req.method} needs an Origin header naming this console (got ${req.origin === null ? "none" : `"${clip(req.origin)}"`}).`);
  }
  if (!isJson(req.contentType)) {
    return refuse(403, "content-type", `A ${req.method} must send application/json (got ${req.contentType === null ? "no Content-Type" : `"${clip(req.contentType)}"`}).`);
  }
  return { ok: true };
}

/** Origin is scheme://host[:port]; same origin means an http(s) origin whose host and port are the request's Host. */
export function isSameOrigin(origin: string | null, host: string | null): boolean {
  if (origin === null || host === null) return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return false;
  if (url.pathname !== "/" || url.username !== "" || url.search !== "") return false;
  const target = parseHostPort(host);
  if (!target) return false;
  const defaultPort = url.protocol === "https:" ? "443" : "80";
  return url.hostname === target.name && (url.port || defaultPort) === (target.port ?? defaultPort);
}

/** application/json with optional parameters (charset); what tRPC's client sends. */
function isJson(contentType: string | null): boolean {
  if (contentType === null) return false;
  const essence = contentType.split(";")[0]?.trim().toLowerCase();
  return essence === "application/json";
}

function refuse<S extends 403 | 421, R extends Extract<GuardVerdict, { ok: false; status: S }>["reason"]>(status: S, reason: R, message: string) {
  return { ok: false as const, status, reason, message };
}

/** Echo at most a short prefix of what the client sent: an error never repeats a huge value back. */
function clip(value: string): string {
  const printable = value.replace(/[^\x20-\x7e]/g, "?");
  return printable.length > 80 ? `${printable.slice(0, 80)}…` : printable;
}
