// The Host header, parsed and matched against EASTWEST_ALLOWED_HOSTS. Pure: no I/O, no process.env.
//
// Why it matters: a DNS-rebinding page (rebind.attacker.example resolving first to the attacker, then to 127.0.0.1)
// is same-origin with itself, so the browser lets it read and POST to the console; the only trace of the attack the
// server sees is the Host header naming the attacker's domain. Answering only known names closes that door.

export type HostPort = { name: string; port: string | undefined };

/**
 * `name`, `name:port`, `[v6]` or `[v6]:port`, lower case; undefined when it is not a plausible authority (empty,
 * userinfo, path characters, a bad port). A bare IPv6 address without brackets is not a valid Host either.
 */
export function parseHostPort(value: string): HostPort | undefined {
  const text = value.trim().toLowerCase();
  if (text === "" || /[\s/\\@?#,]/.test(text)) return undefined;
  let name: string;
  let rest: string;
  if (text.startsWith("[")) {
    const close = text.indexOf("]");
    if (close < 0) return undefined;
    name = text.slice(0, close + 1);
    rest = text.slice(close + 1);
  } else {
    const colon = text.indexOf(":");
    name = colon < 0 ? text : text.slice(0, colon);
    rest = colon < 0 ? "" : text.slice(colon);
  }
  if (name === "" || name === "[]") return undefined;
  if (rest === "") return { name, port: undefined };
  const port = rest.slice(1);
  if (!rest.startsWith(":") || !/^\d{1,5}$/.test(port) || Number(port) > 65535) return undefined;
  return { name, port: String(Number(port)) };
}

/** An allowed entry without a port accepts the name on any port; one with a port accepts that port only. */
export function isAllowedHost(hostHeader: string | null, allowed: readonly string[]): boolean {
  if (hostHeader === null) return false;
  const host = parseHostPort(hostHeader);
  if (!host) return false;
  return allowed.some((entry) => {
    const rule = parseHostPort(entry);
    if (!rule || rule.name !== host.name) return false;
    return rule.port === undefined || rule.port === host.port;
  });
}
