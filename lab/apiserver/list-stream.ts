// Writes a LIST answer as a stream: the envelope, then the items one by one as the socket takes them. A full list
// of a large kind is never one string in memory, and a client that reads slowly holds at most the socket's
// high-water mark and one batch, not its own copy of the whole answer; so 200 concurrent full lists cost about
// 200 small buffers, not 200 copies of the kind (issue 15). The bytes are those JSON.stringify would produce for
// {kind, apiVersion, metadata, items}: the same key order as upstream's list encoding.
import type { ServerResponse } from "node:http";

/** Bytes gathered before one write: few syscalls, bounded memory. */
const BATCH_BYTES = 64 * 1024;

export interface ListEnvelope {
  kind: string;
  apiVersion: string;
  metadata: Record<string, unknown>;
}

/** Resolves when the socket wants more, false when the client went away. */
function drained(res: ServerResponse): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (ok: boolean) => () => {
      res.off("drain", onDrain);
      res.off("close", onClose);
      resolve(ok);
    };
    const onDrain = done(true);
    const onClose = done(false);
    res.once("drain", onDrain);
    res.once("close", onClose);
  });
}

export async function streamList<T>(res: ServerResponse, envelope: ListEnvelope, items: readonly T[], encode: (item: T) => unknown): Promise<void> {
  res.writeHead(200, { "Content-Type": "application/json", "Cache-Control": "no-cache, private" });
  let batch = `${JSON.stringify(envelope).slice(0, -1)},"items":[`;
  for (let i = 0; i < items.length; i += 1) {
    batch += `${i === 0 ? "" : ","}${JSON.stringify(encode(items[i] as T))}`;
    if (batch.length < BATCH_BYTES) continue;
    const more = res.write(batch);
    batch = "";
    if (!more && !(await drained(res))) return;
  }
  res.end(`${batch}]}`);
}
