// The tiles as the server renders them: one toggle button per status with its figure, the selected one pressed.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { StatusFilter } from "./overview-state";
import { StatusTiles } from "./status-tiles";

const counts: Record<StatusFilter, number> = { all: 9, unreachable: 2, stale: 0, syncing: 1, healthy: 6 };
const buttons = (html: string) => [...html.matchAll(/<button[^>]*aria-pressed="(true|false)"[^>]*>(.*?)<\/button>/g)].map((m) => [m[2]?.replace(/<[^>]+>/g, ""), m[1]]);

describe("StatusTiles", () => {
  it.each<[StatusFilter, string]>([
    ["all", "All clusters9"],
    ["unreachable", "Unreachable2"],
    ["healthy", "Healthy6"],
  ])("%s selected: it alone is pressed, every status has its figure", (selected, pressed) => {
    const html = renderToStaticMarkup(<StatusTiles counts={counts} selected={selected} onSelect={() => undefined} />);
    expect(buttons(html)).toEqual(["All clusters9", "Unreachable2", "Stale0", "Syncing1", "Healthy6"].map((label) => [label, String(label === pressed)]));
    expect(html).toContain('role="group" aria-label="Filter clusters by status"');
  });
});
