// One HTTP request to the console over node:http, bounded only by the caller's timeout. fetch (undici) gives up on
// a response whose headers take more than 300 s, which a preview queued behind stalled event loops can exceed:
// the benchmark must measure that wait, not fail on it.
import { request } from "node:http";

export type HttpAnswer = { status: number; text: string };

export function httpRequest(url: string, options: { method?: string; headers?: Record<string, string>; body?: string; timeoutMs?: number } = {}): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? "GET", headers: { ...options.headers, ...(options.body !== undefined ? { "content-length": String(Buffer.byteLength(options.body)) } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    const timeoutMs = options.timeoutMs ?? 30 * 60_000;
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`${url}: no answer within ${timeoutMs} ms`)));
    req.on("error", reject);
    req.end(options.body);
  });
}
