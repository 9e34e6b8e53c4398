// Reads a request body with a limit, before tRPC parses it: a Content-Length above the limit is refused without
// reading a byte, and a body without one (chunked) is read only until it passes the limit. tRPC itself would
// read any size into memory and JSON.parse it on the event loop.

export type BodyRead = { ok: true; body: Uint8Array<ArrayBuffer> | null } | { ok: false; reason: "too-large"; bytes: number | undefined };

export async function readBodyWithin(req: Request, maxBytes: number): Promise<BodyRead> {
  const declared = req.headers.get("content-length");
  const length = declared === null ? undefined : Number(declared);
  if (length !== undefined && Number.isFinite(length) && length > maxBytes) return { ok: false, reason: "too-large", bytes: length };
  if (!req.body) return { ok: true, body: null };
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // Stop reading: the rest of the upload is never buffered.
      await reader.cancel().catch(() => undefined);
      return { ok: false, reason: "too-large", bytes: undefined };
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, body };
}
