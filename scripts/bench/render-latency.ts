// Write → rendered latency: the page records, per cluster card, when each ServiceEntries value first appeared
// (a MutationObserver, epoch ms); the writer records when each write was sent. Write k to a cluster whose count
// was c0 is rendered when the card first shows a value ≥ c0 + k.
import type { Page } from "@playwright/test";
import { writeServiceEntry, type LabTarget } from "./lab-writer";

declare global {
  interface Window {
    __seen: Record<string, Array<[number, number]>>;
  }
}

/**
 * In-page code, as a string: the script runner (tsx/esbuild) would wrap named functions in a `__name` helper
 * that does not exist in the page. Reads every card's ServiceEntries value, records changes with their time.
 */
const OBSERVER = `(() => {
  const read = () => {
    const out = {};
    for (const card of document.querySelectorAll("article[aria-labelledby^='cluster-']")) {
      const name = (card.getAttribute("aria-labelledby") || "").slice("cluster-".length);
      for (const dt of card.querySelectorAll("dt")) {
        if (dt.textContent === "ServiceEntries") out[name] = Number(dt.nextElementSibling ? dt.nextElementSibling.textContent : "NaN");
      }
    }
    return out;
  };
  window.__seen = {};
  const last = read();
  new MutationObserver(() => {
    const at = performance.timeOrigin + performance.now();
    for (const [name, value] of Object.entries(read())) {
      if (value === last[name]) continue;
      last[name] = value;
      (window.__seen[name] = window.__seen[name] || []).push([value, at]);
    }
  }).observe(document.body, { subtree: true, childList: true, characterData: true });
  return { ...last };
})()`;

/** Installs the observer; returns each card's current ServiceEntries value. */
export async function observeCounts(page: Page): Promise<Record<string, number>> {
  return (await page.evaluate(OBSERVER)) as Record<string, number>;
}

type Sent = { cluster: string; expected: number; sentAt: number };

/** Sends `total` writes at `perSecond` round-robin over `targets`; returns per-write latencies in ms. */
export async function measureRenderLatency(page: Page, targets: readonly LabTarget[], perSecond: number, total: number): Promise<{ latencies: number[]; missing: number }> {
  const base = await observeCounts(page);
  const sent: Sent[] = [];
  const issued = new Map<string, number>();
  const pending: Promise<void>[] = [];
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const target = targets[i % targets.length];
    if (!target) break;
    const dueIn = start + (i * 1000) / perSecond - performance.now();
    if (dueIn > 0) await new Promise((resolve) => setTimeout(resolve, dueIn));
    const k = (issued.get(target.name) ?? 0) + 1;
    issued.set(target.name, k);
    const expected = (base[target.name] ?? 0) + k;
    pending.push(writeServiceEntry(target).then((sentAt) => void sent.push({ cluster: target.name, expected, sentAt })));
  }
  await Promise.all(pending);
  // Wait (bounded) until every card shows its final value.
  const finals = [...issued].map(([name, k]) => [name, (base[name] ?? 0) + k] as const);
  await page.waitForFunction(
    (want) => want.every(([name, value]) => (window.__seen[name] ?? []).some(([v]) => v >= value)),
    finals,
    { timeout: 30_000, polling: 100 },
  ).catch(() => undefined);
  const seen = await page.evaluate(() => window.__seen);
  const latencies: number[] = [];
  let missing = 0;
  for (const s of sent) {
    const shown = (seen[s.cluster] ?? []).find(([value]) => value >= s.expected);
    if (shown) latencies.push(shown[1] - s.sentAt);
    else missing += 1;
  }
  return { latencies, missing };
}
