// Counts open server-sent-event streams per client and in total, so no client can hold the process's sockets
// and memory with endless subscriptions. A slot is taken before the stream starts and given back exactly once,
// when the stream ends, the client cancels it, or the request is aborted.

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

/**
 * The client's address as the server saw it. Next sets X-Forwarded-For to the socket's address when the request
 * has none and keeps a client-sent one, so a client can pick its own key: the total limit bounds that case.
 */
export function clientKey(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").at(-1)?.trim();
  return last && last.length <= 64 ? last : "unknown";
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
