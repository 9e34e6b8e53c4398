// Web performance of a console page in Chromium (Playwright): LCP (largest-contentful-paint), the longest
// main-thread task (longtask) and CLS (layout-shift entries not caused by input, summed, as web-vitals does for a
// short page life), from navigation start until `settleMs` after the page's own ready element is shown.
// The observers are installed before any page script runs (addInitScript) with `buffered: true`.
import { chromium, type Browser } from "@playwright/test";
import { CHROMIUM } from "../ensure-chromium";
import { ms, percentile, type Row } from "./figures";

export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** Chromium at CHROMIUM_PATH (default /usr/bin/chromium), as the e2e tests drive it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

// In-page code as a string: tsx would wrap named functions in a helper the page does not have.
const OBSERVE = `(() => {
  const v = (window.__vitals = { lcp: 0, longest: 0, cls: 0 });
  const on = (type, f) => { try { new PerformanceObserver((l) => l.getEntries().forEach(f)).observe({ type, buffered: true }); } catch {} };
  on("largest-contentful-paint", (e) => { v.lcp = Math.max(v.lcp, e.renderTime || e.startTime); });
  on("longtask", (e) => { v.longest = Math.max(v.longest, e.duration); });
  on("layout-shift", (e) => { if (!e.hadRecentInput) v.cls += e.value; });
})()`;

export type PageTarget = { name: string; path: string; /** a selector shown once the page has its data */ ready: string };
export type Vitals = { lcpMs: number; longestTaskMs: number; cls: number };

async function loadOnce(browser: Browser, base: string, target: PageTarget, settleMs: number): Promise<Vitals> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await page.addInitScript(OBSERVE);
    await page.goto(`${base}${target.path}`, { waitUntil: "load", timeout: 120_000 });
    await page.locator(target.ready).first().waitFor({ timeout: 120_000 });
    // The observation window after the data is shown: late layout shifts and tasks (hydration, SSE) belong to the load.
    await page.waitForTimeout(settleMs);
    const v = (await page.evaluate("window.__vitals")) as { lcp: number; longest: number; cls: number };
    return { lcpMs: v.lcp, longestTaskMs: v.longest, cls: v.cls };
  } finally {
    await page.close();
  }
}

/** `runs` loads of each page after one warm-up load (server caches and compiled routes warm); medians, and the max task. */
export async function measurePages(browser: Browser, base: string, targets: readonly PageTarget[], runs: number, settleMs = 1500): Promise<Record<string, Vitals & { runs: Vitals[] }>> {
  const out: Record<string, Vitals & { runs: Vitals[] }> = {};
  for (const target of targets) {
    await loadOnce(browser, base, target, 0);
    const all: Vitals[] = [];
    for (let i = 0; i < runs; i++) all.push(await loadOnce(browser, base, target, settleMs));
    out[target.name] = {
      lcpMs: percentile(all.map((v) => v.lcpMs), 50),
      longestTaskMs: Math.max(...all.map((v) => v.longestTaskMs)),
      cls: percentile(all.map((v) => v.cls), 50),
      runs: all,
    };
  }
  return out;
}

export function vitalsRows(tag: string, vitals: Record<string, Vitals & { runs: Vitals[] }>): Row[] {
  return Object.entries(vitals).map(([name, v]) => ({
    figure: `web ${tag} ${name}: LCP / longest task / CLS`,
    value: `${ms(v.lcpMs)} / ${ms(v.longestTaskMs)} / ${v.cls.toFixed(3)}`,
    note: `(LCP, CLS median, task max of ${v.runs.length} loads)`,
  }));
}
