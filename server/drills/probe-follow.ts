// The probe's samples of one drill, read incrementally from its Pod's log: each read asks only for the lines since
// the last second already read (`sinceTime` has whole seconds), and the lines of that second already seen are
// skipped by their text (the kubelet's timestamp prefix, to the nanosecond, makes each line distinct). After a
// restart of the console, the first read takes the whole log (at most MAX_LINES lines: a 15-minute drill at four
// requests a second writes 3,600).
import type { ProbeSample } from "@/lib/drills/machine-types";
import { parseProbeLine } from "@/lib/drills/probe-lines";

export const MAX_LINES = 10_000;

export type LogRead = (query: { sinceTime?: string; tailLines?: number }) => Promise<{ ok: true; text: string | undefined } | { ok: false; message: string }>;

export type ProbeFollow = {
  /** Reads what the log has gained; `uid` of the pod now (a new pod starts a new log). False when the read failed. */
  update(uid: string | undefined, read: LogRead): Promise<boolean>;
  samples(): readonly ProbeSample[];
};

const secondOf = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");

export function createProbeFollow(): ProbeFollow {
  let podUid: string | undefined;
  let samples: ProbeSample[] = [];
  let lastAt: number | undefined;
  // Lines whose time falls in lastAt's second: the next read (since that second) sends them again.
  let boundary = new Set<string>();

  function reset(uid: string | undefined): void {
    podUid = uid;
    samples = [];
    lastAt = undefined;
    boundary = new Set();
  }

  function take(text: string): void {
    const fresh: Array<{ line: string; sample: ProbeSample }> = [];
    for (const raw of text.split("\n")) {
      const line = raw.trim();
      if (line === "" || boundary.has(line)) continue;
      const sample = parseProbeLine(line);
      if (sample) fresh.push({ line, sample });
    }
    if (fresh.length === 0) return;
    fresh.sort((a, b) => a.sample.at - b.sample.at);
    samples = samples.concat(fresh.map((f) => f.sample));
    if (samples.length > MAX_LINES) samples = samples.slice(-MAX_LINES);
    const newest = fresh[fresh.length - 1]?.sample.at ?? 0;
    const second = Math.floor(newest / 1000);
    if (lastAt === undefined || Math.floor(lastAt / 1000) !== second) boundary = new Set();
    for (const f of fresh) if (Math.floor(f.sample.at / 1000) === second) boundary.add(f.line);
    lastAt = newest;
  }

  return {
    async update(uid, read) {
      if (uid !== podUid) reset(uid);
      if (uid === undefined) return true;
      const got = await read(lastAt === undefined ? { tailLines: MAX_LINES } : { sinceTime: secondOf(lastAt) });
      if (!got.ok) return false;
      if (got.text !== undefined) take(got.text);
      return true;
    },
    samples: () => samples,
  };
}
