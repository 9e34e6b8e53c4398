// P0-9: client-node's list, watch and informer against the lab, across forced reconnects and a 410 Expired while
// writes continue; at the end the informer's cache equals a fresh list.
import { CoreV1Api, KubeConfig, makeInformer, Watch, type V1ConfigMap } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KubeObject } from "../apiserver/types";
import { startTestLab, waitFor, type LabFixture } from "./fixture";

let fx: LabFixture;
let kc: KubeConfig;
let api: CoreV1Api;
const NS = "bookinfo";

beforeAll(async () => {
  // A short history so a watch resumed after an outage is answered 410 Expired.
  fx = await startTestLab({ historySize: 40 });
  kc = new KubeConfig();
  kc.loadFromFile(fx.kubeconfig);
  kc.setCurrentContext("west");
  api = kc.makeApiClient(CoreV1Api);
});
afterAll(async () => {
  await fx.close();
});

function storeOf(): { type: Parameters<LabFixture["lab"]["clusters"][0]["store"]["create"]>[0]; store: LabFixture["lab"]["clusters"][0]["store"] } {
  const cluster = fx.lab.clusters[0];
  const type = cluster?.store.types.byKind("", "ConfigMap");
  if (!cluster || !type) throw new Error("no west cluster");
  return { type, store: cluster.store };
}

/** Writes straight into the west store (unaffected by API faults): creates, updates and deletes ConfigMaps. */
function startWriter(): { stop(): void; count(): number } {
  const { type, store } = storeOf();
  let n = 0;
  const timer = setInterval(() => {
    n += 1;
    const name = `churn-${n % 7}`;
    const existing = store.get(type, NS, name);
    if (!existing) store.create(type, { apiVersion: "v1", kind: "ConfigMap", metadata: { name, namespace: NS }, data: { n: String(n) } });
    else if (n % 5 === 0) store.delete(type, NS, name);
    else store.update(type, { ...existing, data: { n: String(n) } } as KubeObject);
  }, 5);
  return { stop: () => clearInterval(timer), count: () => n };
}

const snapshot = (items: readonly V1ConfigMap[]): string[] =>
  items.map((cm) => `${cm.metadata?.name ?? ""}@${cm.metadata?.resourceVersion ?? ""}`).sort();

describe("P0-9 client-node list, watch and informer", () => {
  it("P0-9 list and watch: a watch from the list's resourceVersion sees the next write", async () => {
    const list = await api.listNamespacedConfigMap({ namespace: NS });
    const rv = list.metadata?.resourceVersion ?? "";
    expect(rv).toMatch(/^\d+$/);
    const seen: string[] = [];
    const req = await new Watch(kc).watch(`/api/v1/namespaces/${NS}/configmaps`, { resourceVersion: rv }, (phase, obj: V1ConfigMap) => {
      seen.push(`${phase} ${obj.metadata?.name ?? ""}`);
    }, () => undefined);
    await api.createNamespacedConfigMap({ namespace: NS, body: { metadata: { name: "watched" }, data: { a: "b" } } });
    await waitFor("the ADDED event", () => (seen.includes("ADDED watched") ? true : undefined));
    req.abort();
  });

  it("P0-9 informer survives refused connections and a 410 while writes continue", async () => {
    // The informer lists only at start and after a 410 (a resume from a known resourceVersion just watches), so
    // successful lists count the 410s it recovered from.
    let lists = 0;
    const list = async () => {
      const result = await api.listNamespacedConfigMap({ namespace: NS });
      lists += 1;
      return result;
    };
    const informer = makeInformer(kc, `/api/v1/namespaces/${NS}/configmaps`, list);
    let errors = 0;
    let connects = 0;
    let stopped = false;
    // client-node's informer does not restart itself after an error: restart it with a short backoff.
    informer.on("error", () => {
      errors += 1;
      if (!stopped) setTimeout(() => void informer.start().catch(() => undefined), 50);
    });
    informer.on("connect", () => void (connects += 1));
    await informer.start();
    const writer = startWriter();
    try {
      for (let outage = 0; outage < 2; outage++) {
        const before = writer.count();
        await waitFor("writes while connected", () => (writer.count() > before + 10 ? true : undefined));
        await fx.lab.setFault("west", { mode: "refuse" });
        const during = writer.count();
        // More writes than the history keeps, so the informer's resume point expires.
        await waitFor("writes during the outage", () => (writer.count() > during + 60 ? true : undefined));
        await fx.lab.setFault("west", { mode: "none" });
      }
      await waitFor("a relist after each outage's 410", () => (lists >= 3 && connects >= 3 ? true : undefined));
    } finally {
      writer.stop();
    }
    const fresh = async (): Promise<string[]> => snapshot((await api.listNamespacedConfigMap({ namespace: NS })).items);
    const finalState = await waitFor("the informer cache to equal a fresh list", async () => {
      const want = await fresh();
      const have = snapshot(informer.list(NS));
      return JSON.stringify(want) === JSON.stringify(have) ? have : undefined;
    });
    stopped = true;
    await informer.stop();
    expect(errors).toBeGreaterThan(0);
    expect(lists).toBeGreaterThanOrEqual(3);
    expect(finalState.some((e) => e.startsWith("churn-"))).toBe(true);
  });
});
