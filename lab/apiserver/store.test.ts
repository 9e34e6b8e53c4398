// Store-level behaviour the HTTP suites cannot see directly: event ordering under re-entrant writes, frozen
// events, history bounds, dry runs.
import { describe, expect, it } from "vitest";
import { createClusterStore } from "./store";
import { createTypeRegistry } from "./types-registry";
import { StatusError, type KubeObject, type ResourceType } from "./types";

function setup(historySize?: number) {
  const types = createTypeRegistry();
  const store = createClusterStore("t", types, { historySize });
  const must = (group: string, kind: string): ResourceType => {
    const type = types.byKind(group, kind);
    if (!type) throw new Error(kind);
    return type;
  };
  const ns = must("", "Namespace");
  const cm = must("", "ConfigMap");
  store.create(ns, { apiVersion: "v1", kind: "Namespace", metadata: { name: "default" } });
  const configMap = (name: string): KubeObject => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name, namespace: "default" } });
  return { store, cm, configMap };
}

describe("ClusterStore", () => {
  it("delivers events in resourceVersion order to every listener even when a listener writes", () => {
    const { store, cm, configMap } = setup();
    const seen: number[] = [];
    store.watch(cm, undefined, (event) => {
      if (event.object.metadata.name === "first") store.create(cm, configMap("second"));
    });
    store.watch(cm, undefined, (event) => seen.push(event.resourceVersion));
    store.create(cm, configMap("first"));
    expect(seen).toHaveLength(2);
    expect(seen[0]).toBeLessThan(seen[1] ?? 0);
  });

  it("hands listeners frozen stored objects; get/list return copies", () => {
    const { store, cm, configMap } = setup();
    let received: KubeObject | undefined;
    store.watch(cm, undefined, (event) => (received = event.object));
    store.create(cm, configMap("a"));
    expect(Object.isFrozen(received?.metadata)).toBe(true);
    const copy = store.get(cm, "default", "a");
    if (!copy) throw new Error("missing");
    copy.metadata.labels = { changed: "yes" };
    expect(store.get(cm, "default", "a")?.metadata.labels).toBeUndefined();
  });

  it("peek hands out the stored objects, frozen and in list order, without copying them", () => {
    const { store, cm, configMap } = setup();
    for (const name of ["b", "a"]) store.create(cm, configMap(name));
    const peeked = store.peek(cm);
    expect(peeked.map((o) => o.metadata.name)).toEqual(["a", "b"]);
    expect(peeked.every((o) => Object.isFrozen(o.metadata))).toBe(true);
    expect(store.peek(cm)[0]).toBe(peeked[0]);
    expect(store.list(cm)[0]).not.toBe(peeked[0]);
    expect(store.peek(cm, "other")).toEqual([]);
  });

  it("replays kept events and answers 410 once they are gone", () => {
    const { store, cm, configMap } = setup(3);
    const start = Number(store.currentResourceVersion());
    for (const name of ["a", "b"]) store.create(cm, configMap(name));
    const replayed: string[] = [];
    store.watch(cm, start, (e) => replayed.push(String(e.object.metadata.name)))();
    expect(replayed).toEqual(["a", "b"]);
    for (const name of ["c", "d", "e"]) store.create(cm, configMap(name));
    try {
      store.watch(cm, start, () => undefined);
      throw new Error("expected 410");
    } catch (err) {
      expect(err).toBeInstanceOf(StatusError);
      expect((err as StatusError).status).toMatchObject({ code: 410, reason: "Expired" });
    }
  });

  it("dry runs store nothing and bump nothing", () => {
    const { store, cm, configMap } = setup();
    const before = store.currentResourceVersion();
    const created = store.create(cm, configMap("dry"), { dryRun: true });
    expect(created.metadata.name).toBe("dry");
    expect(store.get(cm, "default", "dry")).toBeUndefined();
    expect(store.currentResourceVersion()).toBe(before);
  });
});

describe("ClusterStore history windows", () => {
  it("are per kind: a busy kind does not expire a quiet one", () => {
    const { store, cm, configMap } = setup(2);
    const types = store.types;
    const se = types.byKind("networking.istio.io", "ServiceEntry");
    if (!se) throw new Error("no se");
    const start = Number(store.currentResourceVersion());
    for (const name of ["a", "b", "c", "d"]) store.create(cm, configMap(name));
    expect(() => store.watch(se, start, () => undefined)()).not.toThrow();
    expect(() => store.watch(cm, start, () => undefined)).toThrow(StatusError);
  });
});
