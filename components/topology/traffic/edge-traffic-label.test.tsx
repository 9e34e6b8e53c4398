// The pill on an edge: the traffic words, red past one 5xx in twenty, nothing for an edge no request took.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { EdgeFigure } from "@/lib/topology-traffic/edge-figures";
import { EdgeTrafficLabel } from "./edge-traffic-label";

describe("EdgeTrafficLabel", () => {
  it.each<[string, EdgeFigure, string, boolean]>([
    ["rate and 5xx share, not red at 2 %", { rps: 0.8, errorRate: 0.02, scope: "services" }, "0.8 req/s · 2 % 5xx", false],
    ["no failure: the rate alone", { rps: 12, errorRate: 0, scope: "services" }, "12 req/s", false],
    ["red past 5 %", { rps: 2, errorRate: 0.5, scope: "services" }, "2.0 req/s · 50 % 5xx", true],
    ["an upper bound says so", { rps: 3, errorRate: 0, scope: "clusters" }, "≤ 3.0 req/s", false],
  ])("%s", (_name, traffic, words, red) => {
    const html = renderToStaticMarkup(<EdgeTrafficLabel traffic={traffic} />);
    expect(html).toContain(`>${words}</span>`);
    expect(html).toContain('aria-hidden="true"');
    expect(html.includes("text-rose-700")).toBe(red);
  });

  it("draws nothing for an edge no request took", () => {
    expect(renderToStaticMarkup(<EdgeTrafficLabel traffic={undefined} />)).toBe("");
  });
});
