// The start-up check that keeps an unauthenticated console on loopback. Next gives the app no handle on its HTTP
// server, and the hostname it was started with (-H) reaches the app only lossily (__NEXT_PRIVATE_ORIGIN turns
// 0.0.0.0 into "localhost"). So the check looks at what the process really listens on: its listening servers'
// socket addresses. When that is unavailable it falls back to the -H/--hostname argument, and a missing one means
// Next's default, every interface.
import type { AuthMode } from "@/server/auth/identity";
import { listenVerdict, type ListenVerdict } from "./loopback";

type SocketAddress = { address: string };
type ListeningServer = { listening: boolean; address(): SocketAddress | string | null };

const isListeningServer = (handle: unknown): handle is ListeningServer =>
  typeof handle === "object" &&
  handle !== null &&
  (handle as { listening?: unknown }).listening === true &&
  typeof (handle as { address?: unknown }).address === "function";

/** The hosts the given handles listen on over TCP (Unix sockets are local by construction and left out). */
export function listeningHosts(handles: readonly unknown[]): string[] {
  return handles.filter(isListeningServer).flatMap((server) => {
    const address = server.address();
    return address !== null && typeof address === "object" ? [address.address] : [];
  });
}

/** `-H HOST`, `-HHOST`, `--hostname HOST` or `--hostname=HOST` as Next's CLI (commander) accepts them. */
export function hostnameFromArgv(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "-H" || arg === "--hostname") return argv[i + 1];
    if (arg.startsWith("--hostname=")) return arg.slice("--hostname=".length);
    if (arg.startsWith("-H") && arg.length > 2) return arg.slice(arg[2] === "=" ? 3 : 2);
  }
  return undefined;
}

/**
 * Node keeps every open server among the process's active handles. `_getActiveHandles` is undocumented (and
 * documentation-deprecated), hence the optional lookup and the argv fallback.
 */
function activeHandles(): unknown[] {
  const getter = (process as { _getActiveHandles?: () => unknown[] })._getActiveHandles;
  return typeof getter === "function" ? getter.call(process) : [];
}

/** What this process listens on: its servers' addresses, else what the command line asked Next for. */
export function currentListenHosts(): string[] {
  const hosts = listeningHosts(activeHandles());
  return hosts.length > 0 ? hosts : [hostnameFromArgv(process.argv) ?? ""];
}

export function checkListening(authMode: AuthMode): ListenVerdict {
  return listenVerdict(currentListenHosts(), authMode);
}

/** Called as the server starts: a console that may not listen where it does says why and exits. */
export function enforceLoopback(authMode: AuthMode): void {
  const verdict = checkListening(authMode);
  if (verdict.ok) return;
  console.error(verdict.message);
  process.exit(1);
}
