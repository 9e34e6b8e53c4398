import type { AuthMode } from "../auth/identity";

// Which listening addresses keep the console to this machine. Pure; used by the server's start-up check and by
// `npm run demo` before it starts anything.

/** Loopback: 127.0.0.0/8, ::1 (also as an IPv4-mapped address) and the name localhost. */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, "$1");
  if (h === "localhost" || h === "::1" || h === "0:0:0:0:0:0:0:1") return true;
  const v4 = h.startsWith("::ffff:") ? h.slice("::ffff:".length) : h;
  const parts = v4.split(".");
  return parts.length === 4 && parts[0] === "127" && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

export type ListenVerdict = { ok: true } | { ok: false; message: string };

/**
 * With no authentication, whoever reaches the console may change every cluster in its kubeconfig: it may listen on
 * loopback only. With proxy or oidc every request carries a person checked per request (server/auth), so any
 * address will do. `addresses` are the hosts it listens (or is about to listen) on; an empty host means every
 * interface, as Node's listen() does without one.
 */
export function listenVerdict(addresses: readonly string[], authMode: AuthMode): ListenVerdict {
  if (authMode !== "none") return { ok: true };
  const open = addresses.filter((a) => !isLoopbackHost(a));
  if (open.length === 0) return { ok: true };
  const where = open.map(describeAddress).join(", ");
  return {
    ok: false,
    message:
      `Eastwest Console refuses to listen on ${where}: no authentication is configured (EASTWEST_AUTH_MODE=none), so ` +
      "anyone who could reach it there could change every cluster in its kubeconfig. Listen on loopback instead " +
      "(next start -H 127.0.0.1, or HOST=127.0.0.1 npm run demo), or sign people in: EASTWEST_AUTH_MODE=proxy or oidc " +
      "(docs/auth.md).",
  };
}

function describeAddress(address: string): string {
  if (address === "") return "every interface";
  return address === "::" || address === "0.0.0.0" ? `${address} (every interface)` : address;
}
