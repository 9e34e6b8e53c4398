import { describe, expect, it } from "vitest";
import type { LogEntry } from "../apiserver/context";
import { createClusterStore, createTypeRegistry } from "../apiserver/index";
import { createProbeLogStore, probeLogsOf } from "./probe-log";

const texts = (entries: LogEntry[] | undefined): string[] => (entries ?? []).map((e) => e.text);

describe("createProbeLogStore", () => {
  it("has no log for a pod that never started", () => {
    expect(createProbeLogStore().open("uid-1")).toBeUndefined();
  });

  it("keeps the last maxLines lines, oldest first", () => {
    const logs = createProbeLogStore(3);
    for (let i = 1; i <= 10; i++) logs.append("uid-1", `line ${i}`);
    expect(texts(logs.open("uid-1")?.entries)).toEqual(["line 8", "line 9", "line 10"]);
  });

  it("holds at most twice maxLines between trims (memory stays bounded)", () => {
    const logs = createProbeLogStore(100);
    for (let i = 0; i < 10_000; i++) logs.append("uid-1", `line ${i}`);
    expect(logs.open("uid-1")?.entries).toHaveLength(100);
    expect(texts(logs.open("uid-1")?.entries).at(-1)).toBe("line 9999");
  });

  it("hands new lines to followers until the container ends, then ends them", () => {
    const logs = createProbeLogStore();
    logs.begin("uid-1");
    const seen: string[] = [];
    let ended = 0;
    const log = logs.open("uid-1");
    expect(log?.entries).toEqual([]);
    log?.follow?.((e) => seen.push(e.text), () => ended++);
    logs.append("uid-1", "a");
    logs.append("uid-2", "other pod");
    logs.append("uid-1", "b");
    logs.end("uid-1");
    logs.append("uid-1", "after a restart");
    expect(seen).toEqual(["a", "b"]);
    expect(ended).toBe(1);
  });

  it("an ended log is readable and no longer followable; a forgotten one is gone", () => {
    const logs = createProbeLogStore();
    logs.append("uid-1", "a");
    logs.end("uid-1");
    expect(texts(logs.open("uid-1")?.entries)).toEqual(["a"]);
    expect(logs.open("uid-1")?.follow).toBeUndefined();
    logs.forget("uid-1");
    expect(logs.open("uid-1")).toBeUndefined();
  });

  it("unsubscribing stops a follower", () => {
    const logs = createProbeLogStore();
    logs.begin("uid-1");
    const seen: string[] = [];
    const unsubscribe = logs.open("uid-1")?.follow?.((e) => seen.push(e.text), () => undefined);
    logs.append("uid-1", "a");
    unsubscribe?.();
    logs.append("uid-1", "b");
    expect(seen).toEqual(["a"]);
  });
});

describe("probeLogsOf", () => {
  it("is one store per cluster", () => {
    const types = createTypeRegistry();
    const west = createClusterStore("west", types);
    const east = createClusterStore("east", types);
    expect(probeLogsOf(west)).toBe(probeLogsOf(west));
    expect(probeLogsOf(west)).not.toBe(probeLogsOf(east));
  });
});
