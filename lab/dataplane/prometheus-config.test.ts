import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { prometheusConfig, prometheusConfigYaml, staticConfigOf, targetsOf } from "./prometheus-config";

describe("prometheus config", () => {
  it.each([
    ["/metrics", "http://127.0.0.1:41234/metrics", { targets: ["127.0.0.1:41234"], labels: { cluster: "west", __metrics_path__: "/metrics" } }],
    ["Istio's path", "http://127.7.0.1:15020/stats/prometheus", { targets: ["127.7.0.1:15020"], labels: { cluster: "west", __metrics_path__: "/stats/prometheus" } }],
    ["default port", "http://localhost/metrics", { targets: ["localhost:80"], labels: { cluster: "west", __metrics_path__: "/metrics" } }],
  ])("a target from a metrics URL: %s", (_name, url, expected) => {
    expect(staticConfigOf({ cluster: "west", url })).toEqual(expected);
  });

  it("refuses a URL Prometheus could not scrape as plain http", () => {
    expect(() => staticConfigOf({ cluster: "west", url: "https://127.0.0.1:1/metrics" })).toThrow(/must be http/);
  });

  it("one job, scraped every second by default, one labelled target per cluster in name order", () => {
    const config = prometheusConfig(targetsOf({ west: "http://127.0.0.1:2/metrics", east: "http://127.0.0.1:1/metrics" }));
    expect(config).toEqual({
      global: { scrape_interval: "1s", evaluation_interval: "1s", scrape_timeout: "1s" },
      scrape_configs: [
        {
          job_name: "eastwest-lab-mesh",
          scrape_interval: "1s",
          static_configs: [
            { targets: ["127.0.0.1:1"], labels: { cluster: "east", __metrics_path__: "/metrics" } },
            { targets: ["127.0.0.1:2"], labels: { cluster: "west", __metrics_path__: "/metrics" } },
          ],
        },
      ],
    });
  });

  it("the YAML reads back as the same config, with the interval asked for", () => {
    const targets = targetsOf({ north: "http://127.0.0.1:9/metrics" });
    const yaml = prometheusConfigYaml(targets, { intervalSeconds: 15 });
    expect(parse(yaml)).toEqual(prometheusConfig(targets, { intervalSeconds: 15 }));
    expect(yaml).toContain("scrape_interval: 15s");
  });
});
