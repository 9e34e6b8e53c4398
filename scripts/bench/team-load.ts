// A team using the console at once: each kind of call has its own queue worked by a few parallel "users", every
// queue runs at the same time, and each call is timed from send to answer (queueing in the console included).
export type CallKind = { name: string; users: number; calls: Array<() => Promise<unknown>> };
/** `bytes`: each answer's size as JSON (what the console serialised for it, on its event loop). */
export type KindResult = { name: string; latencies: number[]; failures: string[]; bytes: number[] };

async function work(kind: CallKind): Promise<KindResult> {
  const latencies: number[] = [];
  const failures: string[] = [];
  const bytes: number[] = [];
  let next = 0;
  const user = async () => {
    while (next < kind.calls.length) {
      const call = kind.calls[next++];
      if (!call) break;
      const started = performance.now();
      try {
        const answer = await call();
        latencies.push(performance.now() - started);
        bytes.push(answer === undefined ? 0 : Buffer.byteLength(JSON.stringify(answer)));
      } catch (err) {
        failures.push(err instanceof Error ? err.message : String(err));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, kind.users) }, user));
  return { name: kind.name, latencies, failures, bytes };
}

export function runTeam(kinds: readonly CallKind[]): Promise<KindResult[]> {
  return Promise.all(kinds.map(work));
}
