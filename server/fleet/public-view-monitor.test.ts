// What the fleet monitor hands to every visitor (its view and its feed) names kubeconfig files by file name and
// clusters by scheme://host:port; its log keeps the full paths for the operator.
import { describe, expect, it } from "vitest";
import type { KubeconfigLoad } from "@/server/kube/kubeconfig";
import { createFleetFeed } from "./feed";
import { createFleetMonitor } from "./monitor";
import { createFleetCache } from "./snapshot";

const TOKEN = "s3cr3t-token-value";

function monitorOf(load: KubeconfigLoad) {
  const feed = createFleetFeed({ epoch: "t" });
  const logs: string[] = [];
  const monitor = createFleetMonitor({
    load: async () => load,
    probe: async () => ({ ok: true, version: "v1.31.0", latencyMs: 1 }),
    feed,
    cache: createFleetCache({ startInformer: () => ({ stop: () => undefined, done: Promise.resolve() }), now: () => new Date(0), flushIntervalMs: 100 }),
    managementCluster: undefined,
    now: () => new Date(0),
    log: (line) => logs.push(line),
  });
  const published = () => {
    const events = feed.since("t.0");
    return JSON.stringify(events === "expired" ? [] : events);
  };
  return { monitor, logs, published };
}

describe("the fleet as visitors see it", () => {
  it("shows a server URL's scheme, host and port, and the kubeconfig's file name", async () => {
    const { monitor, logs, published } = monitorOf({
      ok: true,
      sources: ["/home/ada/secret-project/.kube/config"],
      fingerprint: "a",
      clusters: [{ name: "west", server: `https://api.west.example:6443/k8s/clusters/c-1?access_token=${TOKEN}`, kubeConfig: null }],
    });
    await monitor.refresh();
    const view = monitor.view();
    expect(view).toMatchObject({ kind: "ready", sources: ["config"], clusters: [{ cluster: "west", server: "https://api.west.example:6443" }] });
    for (const shown of [JSON.stringify(view), published()]) {
      expect(shown).not.toContain(TOKEN);
      expect(shown).not.toContain("/home/ada");
      expect(shown).not.toContain("/k8s/clusters");
    }
    expect(logs.join("\n")).toContain("/home/ada/secret-project/.kube/config");
  });

  it("names a missing kubeconfig by its file name", async () => {
    const { monitor, logs, published } = monitorOf({
      ok: false,
      fingerprint: "b",
      error: { reason: "missing", paths: ["/srv/console/conf/kubeconfig"], message: "No kubeconfig found at /srv/console/conf/kubeconfig.", hint: "Run the lab." },
    });
    await monitor.refresh();
    const view = monitor.view();
    expect(view).toEqual({
      kind: "config-error",
      error: { reason: "missing", paths: ["kubeconfig"], message: "No kubeconfig found at kubeconfig.", hint: "Run the lab." },
    });
    expect(published()).not.toContain("/srv/console");
    expect(logs.join("\n")).toContain("/srv/console/conf/kubeconfig");
  });
});
