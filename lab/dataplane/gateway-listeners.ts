// The listening sockets of one gateway: one TCP listener per published load balancer address, all on the same
// port. `sync` opens the missing ones and closes the ones no longer wanted; calls run one after another, so a
// quick ready → not ready → ready never leaves two listeners racing for one address.
import { createServer, type Server, type Socket } from "node:net";

export interface ListenerSet {
  /** Listen on exactly these addresses (an empty list closes every listener: connections are refused). */
  sync(addresses: readonly string[]): Promise<void>;
  /** The addresses listened on now. */
  addresses(): string[];
  /** Closes every listener and waits until they are closed (destroy the connections first, or it waits for them). */
  close(): Promise<void>;
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    server.once("error", onError);
    server.listen({ host, port, exclusive: true }, () => {
      server.off("error", onError);
      resolve();
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

/**
 * `onConnection` gets every accepted socket; `onError` a listen failure (the address is tried again at the next
 * sync). A closed listener stops accepting at once; the connections it accepted live on until they end, as an
 * Envoy that stops listening drains the connections it has.
 */
export function createListenerSet(port: number, onConnection: (socket: Socket) => void, onError: (address: string, error: Error) => void): ListenerSet {
  const servers = new Map<string, Server>();
  let chain: Promise<void> = Promise.resolve();
  const closing = new Set<Promise<void>>();

  const apply = async (wanted: readonly string[]): Promise<void> => {
    for (const [address, server] of servers) {
      if (wanted.includes(address)) continue;
      servers.delete(address);
      const closed = closeServer(server);
      closing.add(closed);
      void closed.then(() => closing.delete(closed));
    }
    for (const address of wanted) {
      if (servers.has(address)) continue;
      // Half-open: a client's FIN must not end the connection before the upstream has answered (tcp_proxy carries
      // each direction's close on its own).
      const server = createServer({ allowHalfOpen: true }, onConnection);
      try {
        await listen(server, address, port);
        server.on("error", (error) => onError(address, error));
        servers.set(address, server);
      } catch (error) {
        onError(address, error as Error);
      }
    }
  };

  return {
    sync(addresses) {
      chain = chain.then(() => apply(addresses));
      return chain;
    },
    addresses: () => [...servers.keys()],
    async close() {
      await this.sync([]);
      await Promise.all([...closing]);
    },
  };
}
