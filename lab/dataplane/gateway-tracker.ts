// The connections one gateway carries, so that it can end them as Envoy does:
//   - a stopped gateway (its Envoy gone) breaks them all at once;
//   - after a config push that removed the filter chain a connection came in on, Envoy drains that chain's
//     connections and closes them when the drain period ends (Istio's ProxyConfig drainDuration, 45 s). Without
//     this, a sidecar's pooled keep-alive connection would outlive a Gateway that no longer admits its host for
//     as long as traffic kept it busy.
import type { Socket } from "node:net";

/** An accepted connection: the SNI it asked for and the gateway pod that took it, once known. */
export interface TrackedConnection {
  sni?: string;
  pod?: string;
  /** Set once its filter chain is gone from the pushed config: it is closed when the drain period ends. */
  draining?: ReturnType<typeof setTimeout>;
}

export interface ConnectionTracker {
  track(socket: Socket): TrackedConnection;
  /** Starts draining the connections `admits` no longer has a chain for; each is closed `drainMs` later. */
  drainRemoved(admits: (sni: string, pod: string | undefined) => boolean, drainMs: number): void;
  destroyAll(): void;
}

export function createConnectionTracker(): ConnectionTracker {
  const connections = new Map<Socket, TrackedConnection>();
  return {
    track(socket) {
      const connection: TrackedConnection = {};
      connections.set(socket, connection);
      socket.on("close", () => {
        clearTimeout(connection.draining);
        connections.delete(socket);
      });
      return connection;
    },
    drainRemoved(admits, drainMs) {
      for (const [socket, connection] of connections) {
        if (connection.sni === undefined || connection.draining || admits(connection.sni, connection.pod)) continue;
        connection.draining = setTimeout(() => socket.destroy(), drainMs);
        connection.draining.unref();
      }
    },
    destroyAll() {
      for (const [socket, connection] of connections) {
        clearTimeout(connection.draining);
        socket.destroy();
      }
      connections.clear();
    },
  };
}
