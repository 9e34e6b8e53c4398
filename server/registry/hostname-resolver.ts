// Resolves the DNS names east-west gateways publish, for the planner (one endpoint per IP, domain.md §3.9).
// Names are looked up as soon as a snapshot shows a new one, and all of them again every `refreshMs`.
// Failures are data: a condition naming the host and the error. A name that does not exist (ENOTFOUND) loses
// its answer — its IPs stop being published; any other failure (timeout, SERVFAIL, no network) keeps the last
// good answer, flagged, so a DNS hiccup never withdraws endpoints from every cluster at once.
import { lookup as dnsLookup } from "node:dns/promises";
import { gatewayHostnames } from "@/lib/registry/gateway-hostnames";
import { createRegistryMemos } from "@/lib/registry/registry-memos";
import type { FleetSnapshot } from "@/lib/fleet/snapshot-types";
import type { RegistryCondition } from "@/lib/registry/types";

/** IPs of a name; throws an error with a `code` (ENOTFOUND, EAI_AGAIN, …) when it cannot. */
export type Lookup = (hostname: string) => Promise<string[]>;

export const systemLookup: Lookup = async (hostname) => (await dnsLookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

export type HostnameFeed = {
  /** hostname → IPs; the same object until an answer changes (callers memoise on it). */
  resolved(): Record<string, string[]>;
  /**
   * Whether every gateway name of `snapshot` has been looked up at least once (starting the lookups of new
   * ones). Planning before that would read "no answer yet" as "no address" and withdraw that gateway's
   * endpoints everywhere until the answer arrives — at every console start.
   */
  ready(snapshot: FleetSnapshot): boolean;
  conditions(): RegistryCondition[];
  /** Called when answers change or pending lookups complete. */
  subscribe(listener: () => void): () => void;
};

export type HostnameResolver = HostnameFeed & {
  /** The snapshot's gateway names: new ones are looked up now, vanished ones forgotten. */
  observe(snapshot: FleetSnapshot | undefined): Promise<void>;
  refresh(): Promise<void>;
  stop(): void;
};

type Entry = { looked: boolean; ips?: string[]; error?: string; failedAt?: string };

const codeOf = (err: unknown) => (typeof (err as { code?: unknown }).code === "string" ? (err as { code: string }).code : "error");

export function createHostnameResolver(options: { lookup?: Lookup; refreshMs?: number; now?: () => Date } = {}): HostnameResolver {
  const lookup = options.lookup ?? systemLookup;
  const now = options.now ?? (() => new Date());
  const entries = new Map<string, Entry>();
  const listeners = new Set<() => void>();
  let answers: Record<string, string[]> = {};
  let observing: { snapshot: FleetSnapshot; done: Promise<void> } | undefined;

  let names: { snapshot: FleetSnapshot; hosts: string[] } | undefined;

  // The resolver's own memos: each snapshot's gateway and Service lists are read once per map, not per snapshot.
  const memos = createRegistryMemos();
  const hostsOf = (snapshot: FleetSnapshot) => (names?.snapshot === snapshot ? names : (names = { snapshot, hosts: gatewayHostnames(snapshot, memos) })).hosts;

  function publish(completed: boolean): void {
    const next = Object.fromEntries([...entries].flatMap(([h, e]) => (e.ips && e.ips.length > 0 ? [[h, e.ips] as const] : [])).sort(([a], [b]) => (a < b ? -1 : 1)));
    const changed = JSON.stringify(next) !== JSON.stringify(answers);
    if (changed) answers = next;
    if (changed || completed) for (const l of listeners) l();
  }

  async function resolve(host: string): Promise<void> {
    try {
      const ips = [...new Set(await lookup(host))].sort();
      if (entries.has(host)) entries.set(host, { looked: true, ips });
    } catch (err) {
      const before = entries.get(host);
      if (!before) return;
      const code = codeOf(err);
      // NXDOMAIN is an answer: the name is gone. Anything else says nothing about the name.
      entries.set(host, { looked: true, ...(code === "ENOTFOUND" ? {} : { ips: before.ips }), error: code, failedAt: now().toISOString() });
    }
  }

  /** One pass per snapshot: callers asking again for the same snapshot share it. */
  function observe(snapshot: FleetSnapshot | undefined): Promise<void> {
    if (!snapshot) return Promise.resolve();
    if (observing?.snapshot !== snapshot) observing = { snapshot, done: lookUpNew(snapshot) };
    return observing.done;
  }

  async function lookUpNew(snapshot: FleetSnapshot): Promise<void> {
    const wanted = new Set(hostsOf(snapshot));
    for (const host of entries.keys()) if (!wanted.has(host)) entries.delete(host);
    const fresh = [...wanted].filter((h) => !entries.has(h));
    for (const h of fresh) entries.set(h, { looked: false });
    await Promise.all(fresh.map(resolve));
    publish(fresh.length > 0);
  }

  async function refresh(): Promise<void> {
    await Promise.all([...entries.keys()].map(resolve));
    publish(false);
  }

  const timer = setInterval(() => void refresh(), options.refreshMs ?? 60_000);
  timer.unref();

  return {
    resolved: () => answers,
    ready(snapshot) {
      void observe(snapshot);
      return hostsOf(snapshot).every((h) => entries.get(h)?.looked === true);
    },
    conditions: () => [...entries].flatMap(([host, e]) => (e.error ? [condition(host, e)] : [])),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    observe,
    refresh,
    stop: () => clearInterval(timer),
  };
}

function condition(host: string, e: Entry): RegistryCondition {
  const kept = e.ips && e.ips.length > 0;
  const message = kept
    ? `gateway address ${host} could not be resolved (${e.error ?? "error"} at ${e.failedAt ?? "?"}); its last answer (${e.ips?.join(", ") ?? ""}) stays published until it resolves again.`
    : `gateway address ${host} does not resolve (${e.error ?? "error"}); remote clusters cannot reach that gateway through it. Fix the DNS name or publish an IP.`;
  return { severity: kept ? "warning" : "error", reason: "GatewayHostnameUnresolved", subject: host, message };
}
