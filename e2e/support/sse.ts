/** Reads a server-sent event stream for `ms` milliseconds and returns the raw text. */
export async function readStream(url: string, ms: number): Promise<string> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  let text = "";
  try {
    const res = await fetch(url, { signal: controller.signal });
    const reader = res.body?.getReader();
    const decoder = new TextDecoder();
    for (let r = await reader?.read(); r && !r.done; r = await reader?.read()) {
      text += decoder.decode(r.value, { stream: true });
    }
  } catch (err) {
    if (!controller.signal.aborted) throw err;
  } finally {
    clearTimeout(timer);
  }
  return text;
}

export const onChangeUrl = (baseURL: string | undefined) =>
  `${baseURL ?? ""}/api/trpc/fleet.onChange?input=${encodeURIComponent('{"json":{}}')}`;
