// One keep-alive HTTP agent per cluster credentials. client-node makes a new https.Agent for every request
// (KubeConfig.createAgent inside applySecurityAuthentication), so each request paid a TCP and TLS handshake and
// no connection was ever reused: at 20 clusters × 500 services the registry's writes were bound by handshakes
// (createSecureContext, connect and destroySSL were a tenth of the event loop while it converged), and every
// discarded agent and socket was garbage. Tokens and impersonation travel in headers, so one agent serves every
// request made with the same TLS material; new material (a rotated client certificate) gets a new agent.
import http from "node:http";
import https from "node:https";
import tls from "node:tls";
import type { KubeConfig } from "@kubernetes/client-node";

/** Idle sockets close after this (sooner when the server announces a shorter Keep-Alive timeout: Node honours it). */
export const IDLE_SOCKET_MS = 30_000;

/** The TLS options client-node copies onto its agent; equal values mean the same connection may be reused. */
const TLS_KEYS = ["ca", "cert", "key", "pfx", "passphrase", "servername", "rejectUnauthorized"] as const;

type Options = Pick<https.AgentOptions, (typeof TLS_KEYS)[number]>;
type Shared = { options: Options; agent: http.Agent };

const shared = new WeakMap<KubeConfig, Shared[]>();

function same(a: unknown, b: unknown): boolean {
  if (Buffer.isBuffer(a) && Buffer.isBuffer(b)) return a.equals(b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  return a === b;
}

const tlsOf = (agent: http.Agent): Options => {
  const options = (agent as http.Agent & { options?: Record<string, unknown> }).options ?? {};
  return Object.fromEntries(TLS_KEYS.filter((k) => options[k] !== undefined).map((k) => [k, options[k]])) as Options;
};

/**
 * A SecureContext of the agent's CA and client credentials (servername and rejectUnauthorized are per connection).
 * Material Node cannot parse gets none: each connection then fails as it did before, with the same error.
 */
function secureContextOf(options: Options): { secureContext?: tls.SecureContext } {
  const { ca, cert, key, pfx, passphrase } = options;
  try {
    return { secureContext: tls.createSecureContext({ ca, cert, key, pfx, passphrase }) };
  } catch {
    return {};
  }
}

/**
 * The agent to send a request of `kc` with, in place of client-node's fresh one: a kept-alive agent with the same
 * TLS options, made once. A proxy's agent (socks, hpagent) is returned as it is.
 */
export function keepAliveAgent(kc: KubeConfig, fresh: http.Agent | https.Agent | undefined): http.Agent | https.Agent | undefined {
  if (!fresh || (fresh.constructor !== https.Agent && fresh.constructor !== http.Agent)) return fresh;
  const options = tlsOf(fresh);
  const known = shared.get(kc) ?? [];
  const found = known.find((s) => s.agent.constructor === fresh.constructor && TLS_KEYS.every((k) => same(s.options[k], options[k])));
  if (found) return found.agent;
  const agent =
    fresh.constructor === https.Agent
      ? // One SecureContext for every connection of the agent: without it each new socket parses the CA and the
        // client key again (100 ms and more with a large heap, seen when idle sockets were reopened under load).
        new https.Agent({ ...options, ...secureContextOf(options), keepAlive: true, timeout: IDLE_SOCKET_MS })
      : new http.Agent({ keepAlive: true, timeout: IDLE_SOCKET_MS });
  // At most a few sets of TLS material per cluster over a console's life: keep the newest two.
  shared.set(kc, [{ options, agent }, ...known].slice(0, 2));
  for (const old of known.slice(1)) old.agent.destroy();
  return agent;
}
