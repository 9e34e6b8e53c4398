// The note above the failover table while drills run in the workspace: nothing when none runs; each running drill
// with its service, cluster, namespace and phase, and a link to its report.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { RunningDrillsNote } from "./running-drills-note";

const running = { cluster: "west", namespace: "bookinfo", name: "details-20261205-070632-3sm8", service: "details", phase: "Observing" as const };

describe("RunningDrillsNote", () => {
  it.each([
    ["absent (an older server)", undefined],
    ["none running", []],
  ])("shows nothing when %s", (_name, drills) => {
    expect(renderToStaticMarkup(<RunningDrillsNote drills={drills} />)).toBe("");
  });

  it("names the drill, where it runs, its phase, and links to its report", () => {
    const html = renderToStaticMarkup(<RunningDrillsNote drills={[running]} />);
    expect(html).toContain("A failover drill is running");
    expect(html).toContain("details</span> in west (bookinfo): Observing.");
    expect(html).toContain('href="/drills/west/bookinfo/details-20261205-070632-3sm8"');
    expect(html).toContain("Follow drill details-20261205-070632-3sm8");
  });

  it("counts several", () => {
    const html = renderToStaticMarkup(<RunningDrillsNote drills={[running, { ...running, cluster: "east", name: "d2", phase: "Baseline" }]} />);
    expect(html).toContain("2 failover drills are running");
    expect(html).toContain("in east (bookinfo): Baseline.");
  });
});
