// The drill views as the server renders them: the confirmation says what is scaled where, for how long, the stop
// condition, where traffic goes, the checks and the CRD install; a refusal says why and that nothing changed; the
// served-by chart says each window's shares in words; the timeline marks where the drill is.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { DrillPlan } from "@/server/drills/types";
import { DrillPlanView, RefusalAlert } from "./drill-plan-view";
import { DrillsEmpty, StaleClustersNote } from "./drills-states";
import { DrillTimeline } from "./drill-timeline";
import { ServedByChart } from "./served-by-chart";

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
const PLAN: Extract<DrillPlan, { ok: true }> = {
  ok: true,
  crd: "missing-will-install",
  deployments: [{ name: "details-v1", replicas: 1 }],
  pods: ["details-v1-abc"],
  maxDurationSeconds: 150,
  remotes: [
    { cluster: "east", gateway: "istio-system/eastwest-gateway", ready: true },
    { cluster: "north", gateway: "istio-system/eastwest-gateway", ready: false },
  ],
  traffic: "Requests to details from west go to east through its east-west gateway.",
  checks: [
    { name: "opt-in", ok: true, message: "bookinfo has opted in" },
    { name: "outlier", ok: false, message: "no outlier detection on details" },
  ],
};
const STOP = { errorRateAbove: 0.5, forSeconds: 10 };

describe("the drill's confirmation", () => {
  it("says what is scaled where, for how long, the stop condition, the traffic, the checks and the CRD", () => {
    const t = text(renderToStaticMarkup(<DrillPlanView plan={PLAN} fault="ScaleToZero" cluster="west" stop={STOP} />));
    expect(t).toContain("details-v1 : 1 → 0 replicas in west");
    expect(t).toContain("2 min 30 s; then the fault is undone");
    expect(t).toContain("More than 50% of probe requests failing for longer than 10 s aborts the drill");
    expect(t).toContain("go to east through its east-west gateway");
    expect(t).toContain("✓ east through istio-system/eastwest-gateway (ready)");
    expect(t).toContain("✕ north through istio-system/eastwest-gateway (not ready)");
    expect(t).toContain("Fails: no outlier detection on details");
    expect(t).toContain("the console will apply deploy/crds/failoverdrills.eastwest.dev.yaml first");
  });

  it("FailRequests names the pods that will answer 503, and an installed CRD is not mentioned", () => {
    const t = text(renderToStaticMarkup(<DrillPlanView plan={{ ...PLAN, crd: "installed" }} fault="FailRequests" cluster="west" stop={STOP} />));
    expect(t).toContain("Pod details-v1-abc in west answers every request with 503");
    expect(t).not.toContain("replicas in west");
    expect(t).not.toContain("deploy/crds");
  });

  it("a refusal says why, about which field, and that nothing changed", () => {
    const html = renderToStaticMarkup(<RefusalAlert refusal={{ code: "not-opted-in", field: "namespace", message: "sleep has not opted in to drills" }} />);
    expect(html).toContain('role="alert"');
    expect(text(html)).toContain("sleep has not opted in to drills Reason: not-opted-in (about the namespace). Nothing was changed.");
  });
});

describe("the served-by chart", () => {
  it("says each window's shares in words, the drilled cluster first, and an empty window as such", () => {
    const t = text(renderToStaticMarkup(<ServedByChart drilled="west" caption="c" windows={{ before: { west: 40 }, during: { east: 27, west: 3 }, after: {} }} />));
    const failed = text(renderToStaticMarkup(<ServedByChart drilled="west" caption="c" windows={{ during: { east: 18, unknown: 2 } }} />));
    expect(failed).toContain("During the fault east: 90% (18) no cluster (failed): 10% (2)");
    expect(t).toContain("Before the fault west: 100% (40)");
    expect(t).toContain("During the fault west: 10% (3) east: 90% (27)");
    expect(t).toContain("After the restore no requests recorded");
  });
});

describe("the timeline", () => {
  it("marks the current phase as the step, and the phases not reached", () => {
    const html = renderToStaticMarkup(<DrillTimeline phase="Failed" status={{ timeline: [{ phase: "Pending", at: "2026-12-05T07:00:00Z" }, { phase: "Prechecking", at: "2026-12-05T07:00:01Z" }, { phase: "Failed", at: "2026-12-05T07:00:02Z", message: "east has no gateway" }] }} />);
    expect(text(html)).toContain("Baseline (not reached)");
    expect(text(html)).toContain("Failed (done)");
    expect(text(html)).toContain("east has no gateway");
    const running = renderToStaticMarkup(<DrillTimeline phase="Observing" status={{ timeline: [] }} />);
    expect(running).toMatch(/<li aria-current="step"[^>]*>.*?Observing/);
  });
});

describe("the Drills page's states", () => {
  it("says which clusters are stale and what that means for the list", () => {
    expect(renderToStaticMarkup(<StaleClustersNote stale={[]} />)).toBe("");
    expect(text(renderToStaticMarkup(<StaleClustersNote stale={["north"]} />))).toContain("north is stale: the console cannot read its drills now. Its drills below are as last seen");
    expect(text(renderToStaticMarkup(<StaleClustersNote stale={["east", "north"]} />))).toContain("east, north are stale: the console cannot read their drills now. Their drills below");
  });

  it("an empty history says how to run a drill; an empty filter says so and offers to clear it", () => {
    const none = text(renderToStaticMarkup(<DrillsEmpty filtered={false} onClear={() => undefined} />));
    expect(none).toContain("No drill has run yet.");
    expect(none).toContain("eastwest.dev/drills: enabled");
    const filtered = renderToStaticMarkup(<DrillsEmpty filtered onClear={() => undefined} />);
    expect(text(filtered)).toContain("No drill matches these filters.");
    expect(filtered).toMatch(/<button[^>]*>Clear filters<\/button>/);
  });
});
