// The TCP peer of a request, as the socket says, for mode proxy's trust check and for audit's "from where".
// Next hands route handlers a fetch Request with no socket, and the x-forwarded-for it adds is set with `??=`: a
// client that sends its own x-forwarded-for chooses its "address". So instrumentation.ts subscribes to Node's
// `http.server.request.start` diagnostics channel, published for every request of every http.Server in the
// process before the server's 'request' listeners (Next) run, and stamps PEER_HEADER on the IncomingMessage's
// headers from socket.remoteAddress, after deleting any copy the client sent. Next builds the Request from those
// headers, so the route reads an address no client can choose.
import type { IncomingHttpHeaders } from "node:http";
import { subscribe } from "node:diagnostics_channel";

export const PEER_HEADER = "x-eastwest-peer";
const CHANNEL = "http.server.request.start";
// On globalThis: instrumentation and each route are separate bundles with their own module instances.
const INSTALLED = Symbol.for("eastwest.auth.peer-stamp-installed");

type Holder = { [INSTALLED]?: true };
type RequestStart = { request?: { headers?: IncomingHttpHeaders }; socket?: { remoteAddress?: string } };

/** Replace whatever the client sent under PEER_HEADER with the socket's address (or nothing, if it is gone). */
export function stampPeer(headers: IncomingHttpHeaders, remoteAddress: string | undefined): void {
  delete headers[PEER_HEADER];
  if (remoteAddress) headers[PEER_HEADER] = remoteAddress;
}

function onRequestStart(message: unknown): void {
  const { request, socket } = message as RequestStart;
  if (request?.headers) stampPeer(request.headers, socket?.remoteAddress);
}

/** Once per process (instrumentation.ts register()); later calls do nothing. */
export function installPeerStamp(): void {
  const holder = globalThis as Holder;
  if (holder[INSTALLED]) return;
  // The module-level subscribe() keeps the channel alive (channel(name).subscribe can lose it to GC on Node 20).
  subscribe(CHANNEL, onRequestStart);
  holder[INSTALLED] = true;
}

export const peerStampInstalled = (): boolean => (globalThis as Holder)[INSTALLED] === true;

export type PeerResult = { ok: true; address: string } | { ok: false; message: string };

/**
 * The socket address of the request. Only believed when this process stamps every request: without the stamp a
 * client's own header would be read, so the answer is then "unknown" (fail closed).
 */
export function peerAddress(headers: Headers, installed = peerStampInstalled()): PeerResult {
  if (!installed) return { ok: false, message: "The console cannot see connection addresses (its instrumentation hook did not run), so it trusts no proxy." };
  const address = headers.get(PEER_HEADER);
  return address ? { ok: true, address } : { ok: false, message: "The connection's address is unknown." };
}
