// Counts open server-sent-event streams per client and in total, so no client can hold the process's sockets
// and memory with endless subscriptions. A slot is taken before the stream starts and given back exactly once,
// when the stream ends, the client cancels it, or the request is aborted.
import { peerAddress, peerStampInstalled } from "@/server/auth/peer-stamp";

export type StreamSlots = {
  /** A release function, or undefined when the client (or the process) is at its limit. */
  acquire: (client: string) => (() => void) | undefined;
  open: (client?: string) => number;
};

export function createStreamSlots(limits: { perClient: number; total: number }): StreamSlots {
  const byClient = new Map<string, number>();
  let total = 0;
  return {
    acquire(client) {
      const mine = byClient.get(client) ?? 0;
      if (mine >= limits.perClient || total >= limits.total) return undefined;
      byClient.set(client, mine + 1);
      total += 1;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        total -= 1;
        const left = (byClient.get(client) ?? 1) - 1;
        if (left > 0) byClient.set(client, left);
        else byClient.delete(client);
      };
    },
    open: (client) => (client === undefined ? total : (byClient.get(client) ?? 0)),
  };
}

/** The client's address as the socket says ("unknown" when this process does not stamp it: one shared key). */
export function clientKey(headers: Headers, installed = peerStampInstalled()): string {
  // The socket's address as the peer stamp wrote it (server/auth/peer-stamp.ts). Not x-forwarded-for: Next sets it
  // with `??=`, so a client sending its own would pick a new "address" per stream and dodge the cap.
  const peer = peerAddress(headers, installed);
  return peer.ok && peer.address.length <= 64 ? peer.address : "unknown";
}

/** The same response, whose body calls `release` once when it ends, is cancelled, or `signal` aborts. */
export function releasingOnClose(res: Response, release: () => void, signal: AbortSignal): Response {
  if (!res.body) {
    release();
    return res;
  }
  signal.addEventListener("abort", release, { once: true });
  const reader = res.body.getReader();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          release();
          controller.close();
        } else controller.enqueue(value);
      } catch (err) {
        release();
        controller.error(err);
      }
    },
    async cancel(reason) {
      release();
      await reader.cancel(reason);
    },
  });
  return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
}
