// Test support for the SSE subscriptions: the tracked event ids a stream sent, read from its raw text.

/** Reads SSE text until `count` tracked ids arrived (or the deadline passed); returns them. */
export async function trackedIds(reader: ReadableStreamDefaultReader<Uint8Array>, count: number, deadlineMs = 5_000): Promise<string[]> {
  const decoder = new TextDecoder();
  let text = "";
  const ids = () => [...text.matchAll(/^id: (.+)$/gm)].map((m) => m[1] ?? "");
  const deadline = Date.now() + deadlineMs;
  while (ids().length < count && Date.now() < deadline) {
    const chunk = await reader.read();
    if (chunk.done) break;
    text += decoder.decode(chunk.value, { stream: true });
  }
  return ids();
}
