// One pod's app listening on one port of the pod's own loopback address: a plain HTTP server (a sidecar's inbound
// side is transparent here) whose connections are tracked, so that closing it is what a process exit is: the
// listening socket goes (new connections are refused) and every open connection is reset.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { Socket } from "node:net";

export interface PodListener {
  readonly address: string;
  readonly port: number;
  /** The pod (uid) whose app this is. */
  readonly uid: string;
  /** Resolves once it listens; rejects when the address:port cannot be bound. */
  readonly listening: Promise<void>;
  /** Since when it has had no connection (ms epoch), or undefined while one is open. */
  idleSince(): number | undefined;
  /** Stops listening and resets every connection; resolves once the port is free again. */
  close(): Promise<void>;
}

export type PodRequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

/** Listens once `after` has settled (the previous holder of this address:port closing). */
export function openPodListener(address: string, port: number, uid: string, onRequest: PodRequestHandler, after: Promise<void> = Promise.resolve()): PodListener {
  const sockets = new Set<Socket>();
  const server = createServer(onRequest);
  let lastActivity = Date.now();
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.once("close", () => {
      sockets.delete(socket);
      lastActivity = Date.now();
    });
  });
  // A client that resets mid-request is its own business; the server must not crash on it.
  server.on("clientError", (_error, socket) => socket.destroy());
  let closed: Promise<void> | undefined;
  const listening = after.then(() => new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen({ host: address, port, exclusive: true }, () => {
      server.off("error", reject);
      resolve();
    });
  }));
  listening.catch(() => undefined); // a failed bind is reported to whoever awaits `listening`
  return {
    address,
    port,
    uid,
    listening,
    idleSince: () => (sockets.size === 0 ? lastActivity : undefined),
    close() {
      // Closing while the bind is still under way waits for it, so no listener outlives its close.
      closed ??= listening.then(
        () => new Promise<void>((resolve) => {
          for (const socket of sockets) socket.destroy();
          server.close(() => resolve());
        }),
        () => undefined,
      );
      return closed;
    },
  };
}

/** What a caller sees when nothing listens: the error `net.connect` gives. */
export function connectionRefused(address: string, port: number): Error {
  return Object.assign(new Error(`connect ECONNREFUSED ${address}:${port}`), { code: "ECONNREFUSED", address, port });
}
