// The lab's API servers accept any bearer token and its admin endpoint can cut clusters off: on anything but
// loopback they are open to the network. `--host 0.0.0.0` is allowed (a VM or container may need it), but
// never quietly.

/** Loopback names and addresses: `localhost`, 127.0.0.0/8, `::1` (with or without brackets). */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, "$1");
  return h === "localhost" || h === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** A multi-line warning for stderr, or undefined on loopback. */
export function exposedHostBanner(host: string): string | undefined {
  if (isLoopbackHost(host)) return undefined;
  const rule = "!".repeat(78);
  return [
    rule,
    `!! WARNING: the lab listens on ${host}, not on loopback.`,
    "!! Its Kubernetes API servers accept any token: anyone who can reach this machine can read and change",
    "!! every object of every lab cluster. Its admin endpoint needs the token in admin-token, but it too is",
    "!! reachable from the network. Use --host 127.0.0.1 (the default) unless you mean this.",
    rule,
  ].join("\n");
}
