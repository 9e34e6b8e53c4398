// What every admin route shares: JSON/text answers and a body read that stops at MAX_BODY (an admin request is a
// few hundred bytes; a client that streams more is cut off with 413 instead of being buffered).
import type { IncomingMessage, ServerResponse } from "node:http";

export const MAX_BODY = 64 * 1024;

export const TOO_LARGE = { error: `the body is larger than ${MAX_BODY} bytes` };

export function send(res: ServerResponse, code: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === "string" ? `${body}\n` : JSON.stringify(body);
  res.writeHead(code, { "Content-Type": typeof body === "string" ? "text/plain; charset=utf-8" : "application/json", ...headers });
  res.end(text);
}

/** The body, or undefined once it exceeds MAX_BODY (the rest is not read). */
export function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
      else {
        req.pause();
        resolve(undefined);
      }
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** Reads the body and answers 413 itself when it is too large (then undefined: the route has nothing more to do). */
export async function readBodyOr413(req: IncomingMessage, res: ServerResponse): Promise<string | undefined> {
  const body = await readBody(req);
  if (body === undefined) send(res, 413, TOO_LARGE, { Connection: "close" });
  return body;
}
