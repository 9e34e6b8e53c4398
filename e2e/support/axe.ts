import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { expect, type Page } from "@playwright/test";
import type { AxeResults, Result } from "axe-core";

// axe-core's own bundle (@axe-core/playwright needs a newer Node than the project's). It is evaluated through the
// DevTools protocol, not added as a <script>: the console's Content-Security-Policy admits only its nonce'd scripts.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

// WCAG 2.0 and 2.1, levels A and AA: the rules the house rule "axe finds no serious violation" is held to.
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** One line per violation: its rule, what it asks, where (the first three nodes). */
function describe(violation: Result): string {
  const targets = violation.nodes.slice(0, 3).map((node) => node.target.join(" "));
  const more = violation.nodes.length > 3 ? ` (+${violation.nodes.length - 3} more)` : "";
  return `${violation.impact ?? "?"} ${violation.id}: ${violation.help} at ${targets.join(", ")}${more}`;
}

/**
 * Runs axe on the page as it stands (a dialog, if open, included) and fails, naming the page state, listing
 * every serious or critical WCAG A/AA violation. Soft: the test goes on to its own checks and reports all.
 */
export async function expectNoSeriousA11yViolations(page: Page, label: string): Promise<void> {
  const loaded = await page.evaluate(() => "axe" in window);
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(
    (tags) => (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<AxeResults> } }).axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] }),
    WCAG_TAGS,
  );
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map(describe);
  expect.soft(serious, `axe: serious WCAG A/AA violations on ${label}`).toEqual([]);
}
