// One connection accepted by an east-west gateway, in the order Envoy handles it for AUTO_PASSTHROUGH:
//   1. the TLS inspector reads the ClientHello's SNI and picks the filter chain for it (here: the SNICallback
//      asks `route`); no chain for that SNI, or none at all when there is no SNI → the connection is closed;
//   2. tcp_proxy picks an upstream endpoint and connects; no healthy upstream or a connect failure → closed;
//   3. bytes flow both ways until either side closes.
// Envoy passes the TLS through to the destination pod's sidecar, which terminates the client's mTLS. The lab's pods
// have no sidecars, so the gateway terminates it here instead, with a certificate from the lab CA, and requires
// and verifies the client's certificate as that sidecar would: the client sees the same outcome (a verified mTLS
// session to the service, or a reset). The handshake only completes once the upstream connection is up, so a
// client can no more finish a handshake without an upstream here than through a passthrough Envoy (a resumed
// session, which skips the SNI callback, is routed right after its handshake instead).
// Every failure resets the TCP connection (RST), as Envoy closing a connection it has nothing to send on.
import { X509Certificate } from "node:crypto";
import type { Socket } from "node:net";
import { createSecureContext, TLSSocket, type SecureContext } from "node:tls";

const CLIENT_AUTH_OID = "1.3.6.1.5.5.7.3.2";

export interface ConnectionDeps {
  /** The CA every client certificate must be issued by (the lab's one root). */
  ca: X509Certificate;
  /** The gateway's TLS contexts (gatewayContexts). */
  contexts: GatewayContexts;
  /** The upstream socket for this SNI, connected; undefined (or a rejection) when the connection is to be reset. */
  route(sni: string): Promise<Socket | undefined>;
  /** How long a client may take to complete its handshake (default 15 s). */
  handshakeTimeoutMs?: number;
}

/**
 * Envoy's listener_filters_timeout: a connection whose ClientHello has not come in 15 s is closed (the TLS inspector
 * gives up; continue_on_listener_filters_timeout is off). The lab applies it to the whole handshake.
 */
export const HANDSHAKE_TIMEOUT_MS = 15_000;

// OpenSSL resumes a session only on a server with a session id context when it verifies peers (else the handshake
// fails: "session id context uninitialized"). tls.createServer sets one by default; a bare server-side TLSSocket
// gets it from its contexts. Sidecars' connection pools offer their cached sessions, and Envoy resumes them.
const SESSION_ID_CONTEXT = "eastwest-gateway";

/** One gateway's TLS contexts. */
export interface GatewayContexts {
  /**
   * The context a connection starts with, until the SNI is known: no certificate, so a ClientHello without SNI
   * (or one the callback did not answer) cannot complete a handshake. OpenSSL keeps its session cache and ticket
   * keys on this first context, so each gateway has its own: a session resumes only at the gateway that made it.
   */
  initial: SecureContext;
  /** The gateway's certificate and key and the CA it verifies clients with. */
  serving: SecureContext;
}

export function gatewayContexts(certPem: string, keyPem: string, caPem: string): GatewayContexts {
  return {
    initial: createSecureContext({ sessionIdContext: SESSION_ID_CONTEXT }),
    serving: createSecureContext({ cert: certPem, key: keyPem, ca: caPem, sessionIdContext: SESSION_ID_CONTEXT }),
  };
}

/** A client certificate issued by the lab CA, valid now and usable for client authentication. */
export function isTrustedClient(cert: X509Certificate | undefined, ca: X509Certificate, now = new Date()): boolean {
  if (!cert || !cert.checkIssued(ca) || !cert.verify(ca.publicKey)) return false;
  if (now < new Date(cert.validFrom) || now > new Date(cert.validTo)) return false;
  const usages = cert.keyUsage as string[] | undefined;
  return usages === undefined || usages.includes(CLIENT_AUTH_OID);
}

export function handleGatewayConnection(raw: Socket, deps: ConnectionDeps): void {
  let upstream: Socket | undefined;
  const reset = (): void => {
    upstream?.destroy();
    if (!raw.destroyed) raw.resetAndDestroy();
  };
  raw.on("error", reset);
  const timer = setTimeout(reset, deps.handshakeTimeoutMs ?? HANDSHAKE_TIMEOUT_MS);
  timer.unref();
  raw.on("close", () => clearTimeout(timer));

  /** Routes the SNI; calls `ready` with the connected upstream, or resets. */
  const connectUpstream = (sni: string, ready: () => void): void => {
    deps.route(sni).then((socket) => {
      if (!socket || raw.destroyed) {
        socket?.destroy();
        return reset();
      }
      upstream = socket;
      socket.pause(); // nothing goes downstream before the handshake is done and the client verified
      socket.on("error", reset);
      socket.on("close", () => downstream.end());
      ready();
    }, reset);
  };
  const pipeBothWays = (): void => {
    if (!upstream) return reset();
    downstream.pipe(upstream);
    upstream.pipe(downstream);
    upstream.resume();
  };

  const downstream = new TLSSocket(raw, {
    isServer: true,
    // Ask for the client's certificate and refuse a handshake without one; node leaves the chain check to the
    // caller of a bare server-side TLSSocket, done on "secure" below.
    requestCert: true,
    rejectUnauthorized: true,
    secureContext: deps.contexts.initial,
    SNICallback: (servername, done) => connectUpstream(servername, () => done(null, deps.contexts.serving)),
  });
  downstream.on("error", reset);
  downstream.on("close", () => upstream?.destroy());
  downstream.on("secure", () => {
    clearTimeout(timer);
    if (!isTrustedClient(downstream.getPeerX509Certificate(), deps.ca)) return reset();
    if (upstream) return pipeBothWays();
    // A resumed session (TLS 1.3 PSK) needs no certificate, so node never calls the SNICallback: route now, on
    // the SNI of this ClientHello; no SNI at all finds no chain.
    const sni = downstream.servername;
    if (typeof sni !== "string" || sni === "" || !downstream.isSessionReused()) return reset();
    connectUpstream(sni, pipeBothWays);
  });
}
