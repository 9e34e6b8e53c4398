// The one note above the topology graph: why there are no figures (once), or what the edge labels mean.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { TrafficState } from "../../traffic/traffic-note";
import { TopologyTrafficNote } from "./topology-traffic-note";

const AT = "2026-12-05T04:00:00.000Z";
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();

describe("TopologyTrafficNote", () => {
  it.each<[string, TrafficState, string, boolean]>([
    ["no Prometheus configured", { status: { state: "not-configured" }, at: AT }, "Traffic is not shown: no Prometheus is configured (EASTWEST_PROMETHEUS_URL).", false],
    ["Prometheus down: a status, with its message", { status: { state: "down", message: "Prometheus at http://prom:9090 does not answer." }, at: AT }, "Traffic is not shown: Prometheus does not answer. Prometheus at http://prom:9090 does not answer.", true],
    ["the console's request failed", { error: new Error("network down") }, "Traffic is not shown: the console could not read it", false],
  ])("%s: said once", (_name, state, words, isStatus) => {
    const html = renderToStaticMarkup(<TopologyTrafficNote state={state} />);
    expect(text(html)).toContain(words);
    expect(text(html).split("Traffic is not shown")).toHaveLength(2);
    expect(html.includes('role="status"')).toBe(isStatus);
  });

  it("with figures: what an edge label means and when Prometheus was read", () => {
    const html = renderToStaticMarkup(<TopologyTrafficNote state={{ status: { state: "ok", window: "1m" }, at: AT }} />);
    expect(text(html)).toContain("Edge labels: requests per second and 5xx share over the last minute");
    expect(html).toContain(`dateTime="${AT}"`);
    expect(html).not.toContain("Traffic is not shown");
  });

  it("nothing while the first answer is awaited", () => {
    expect(renderToStaticMarkup(<TopologyTrafficNote state={undefined} />)).toBe("");
  });
});
