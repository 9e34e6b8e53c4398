// Go durations (time.ParseDuration), as a FailoverDrill's `spec.maxDuration` is written: "90s", "2m", "1m30s",
// "1.5h", "500ms". The CRD stores the string; the console turns it into seconds here, and checks the cap in
// one place (checkDrillDuration) used by both the runner (a drill applied with kubectl) and the router (a drill
// from the button), so the two can never disagree.
import { MAX_DRILL_DURATION_SECONDS } from "./schema";

export type DurationResult = { ok: true; seconds: number } | { ok: false; message: string };

/** Seconds per unit, as Go's time package names them (µ as U+00B5 micro sign or U+03BC Greek mu). */
const UNIT_SECONDS: Readonly<Record<string, number>> = {
  ns: 1e-9,
  us: 1e-6,
  "µs": 1e-6,
  "μs": 1e-6,
  ms: 1e-3,
  s: 1,
  m: 60,
  h: 3600,
};

// One "<number><unit>" element; Go accepts "1.", ".5" and "1.5" but not "." alone.
const ELEMENT = /(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h)/y;

/**
 * Parses a Go duration into seconds. Like time.ParseDuration: an optional sign, then one or more
 * number+unit elements with no spaces; "0" alone is allowed without a unit; anything else needs a unit.
 */
export function parseGoDuration(text: string): DurationResult {
  const bad = (why: string): DurationResult => ({ ok: false, message: `"${text}" is not a duration (${why}): write it as Go does, e.g. 90s, 2m or 1m30s` });
  let rest = text.trim();
  if (rest === "") return bad("empty");
  let sign = 1;
  if (rest[0] === "+" || rest[0] === "-") {
    sign = rest[0] === "-" ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === "0") return { ok: true, seconds: 0 };
  if (rest === "") return bad("no number");
  let total = 0;
  let at = 0;
  while (at < rest.length) {
    ELEMENT.lastIndex = at;
    const match = ELEMENT.exec(rest);
    if (!match) return bad(/^\d+(\.\d*)?$/.test(rest.slice(at)) ? "missing unit" : `unexpected "${rest.slice(at)}"`);
    total += Number(match[1]) * (UNIT_SECONDS[match[2] ?? ""] ?? Number.NaN);
    at = ELEMENT.lastIndex;
  }
  if (!Number.isFinite(total)) return bad("out of range");
  // Sub-nanosecond noise from float sums ("0.1s" + "0.2s") would print badly: round to the nanosecond.
  const seconds = Math.round(total * 1e9) / 1e9;
  return { ok: true, seconds: sign * seconds || 0 };
}

/** The bounds a drill's duration must keep: more than nothing, and at most the console's cap. */
export function checkDrillDuration(seconds: number): { ok: true } | { ok: false; message: string } {
  if (!(seconds > 0)) return { ok: false, message: "the maximum duration must be longer than 0 s" };
  if (seconds > MAX_DRILL_DURATION_SECONDS) {
    return {
      ok: false,
      message: `the maximum duration ${formatSeconds(seconds)} is over the cap of ${formatSeconds(MAX_DRILL_DURATION_SECONDS)}: a drill is a short experiment, not an outage`,
    };
  }
  return { ok: true };
}

/** A drill's `spec.maxDuration` parsed and checked against the cap. */
export function drillDurationSeconds(text: string): DurationResult {
  const parsed = parseGoDuration(text);
  if (!parsed.ok) return parsed;
  const checked = checkDrillDuration(parsed.seconds);
  return checked.ok ? parsed : checked;
}

/** Seconds the way a drill's figures print: "45 s", "2 min", "1 min 30 s", "1.5 s". */
export function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${Number.isInteger(seconds) ? seconds : Number(seconds.toFixed(1))} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = Math.round(seconds - minutes * 60);
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}
