/**
 * Age the way `kubectl get` prints it: a port of k8s.io/apimachinery
 * pkg/util/duration.HumanDuration (two units while they add information, then one).
 */
export function formatAge(from: Date | string, now: Date): string {
  const start = typeof from === "string" ? new Date(from) : from;
  const seconds = Math.floor((now.getTime() - start.getTime()) / 1000);
  if (Number.isNaN(seconds)) return "unknown";
  if (seconds < -1) return "<invalid>";
  if (seconds < 0) return "0s";
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) return pair(minutes, "m", seconds % 60, "s");
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 8) return pair(hours, "h", minutes % 60, "m");
  if (hours < 48) return `${hours}h`;
  const days = Math.floor(hours / 24);
  if (hours < 24 * 8) return pair(days, "d", hours % 24, "h");
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.floor(days / 365);
  if (hours < 24 * 365 * 8) return pair(years, "y", days % 365, "d");
  return `${years}y`;
}

function pair(major: number, majorUnit: string, minor: number, minorUnit: string): string {
  return minor === 0 ? `${major}${majorUnit}` : `${major}${majorUnit}${minor}${minorUnit}`;
}

/** API latency: whole milliseconds under a second, one decimal in seconds above. */
export function formatLatency(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

/** A wall-clock time in UTC (`14:03:05 UTC`): the same on server and browser, so hydration agrees. */
export function formatClock(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "unknown" : `${date.toISOString().slice(11, 19)} UTC`;
}
