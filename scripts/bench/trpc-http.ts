// Calls the console's tRPC endpoint over HTTP as the browser's link does (superjson envelope: `{json: …}`), and
// times sequential calls. Queries are GETs with the input in the query string; mutations are POSTs.
import { httpRequest } from "./http";

type Envelope<T> = { result?: { data?: { json?: T } }; error?: { json?: { message?: string } } };

export async function trpcCall<T>(base: string, path: string, kind: "query" | "mutation", input: unknown): Promise<T> {
  const body = JSON.stringify({ json: input });
  const res =
    kind === "query"
      ? await httpRequest(`${base}/api/trpc/${path}?input=${encodeURIComponent(body)}`)
      : // A mutation needs the page's custom header and a same-origin Origin (proxy.ts refuses it otherwise).
        await httpRequest(`${base}/api/trpc/${path}`, { method: "POST", headers: { "content-type": "application/json", "x-eastwest-csrf": "1", origin: new URL(base).origin }, body });
  let parsed: Envelope<T> = {};
  try {
    parsed = JSON.parse(res.text) as Envelope<T>;
  } catch {
    // not JSON: reported below with the status
  }
  if (res.status !== 200 || parsed.result?.data?.json === undefined) {
    throw new Error(`${path} answered ${res.status}: ${parsed.error?.json?.message ?? res.text.slice(0, 200)}`);
  }
  return parsed.result.data.json;
}

/** `count` sequential calls after `warmup` discarded ones; each call's latency in ms. */
export async function timeCalls(count: number, warmup: number, call: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await call();
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await call();
    out.push(performance.now() - started);
  }
  return out;
}
