/**
 * Runs one call against a cluster with a hard deadline, so a hung API server never stalls a caller: the signal
 * handed to `call` aborts the HTTP request at the deadline (or when `outer` aborts), and the race also covers
 * what runs before the request (an exec credential plugin, a token file read). A missed deadline rejects with
 * an AbortError, which toClusterError reads as a timeout.
 */
export async function withDeadline<T>(timeoutMs: number, call: (signal: AbortSignal) => Promise<T>, outer?: AbortSignal): Promise<T> {
  const controller = new AbortController();
  const signal = outer ? AbortSignal.any([outer, controller.signal]) : controller.signal;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(Object.assign(new Error("request deadline"), { name: "AbortError" }));
    }, timeoutMs);
  });
  try {
    return await Promise.race([call(signal), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
