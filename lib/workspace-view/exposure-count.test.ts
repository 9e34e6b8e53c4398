import { describe, expect, it } from "vitest";
import { exposedLabel, exposureCount, namedEntries, unnamedLabel } from "./exposure-count";
import type { Exposure } from "./types";

const svc = (name: string, exposed: boolean) => ({ fqdn: `${name}.bookinfo.svc.cluster.local`, exposed });
const services = [svc("details", true), svc("reviews", true), svc("ratings", false), svc("productpage", false)];
const padded = [...services.slice(0, 2).map((s) => s.fqdn), ...Array.from({ length: 9998 }, (_, i) => `junk-${i}.bookinfo.svc.cluster.local`)];

describe("exposureCount", () => {
  it.each<[string, Exposure, { exposed: number; services: number; unnamed: number }, string, string]>([
    ["expose all", { mode: "all" }, { exposed: 2, services: 4, unnamed: 0 }, "All 4", ""],
    ["two chosen, both real", { mode: "selected", services: services.slice(0, 2).map((s) => s.fqdn) }, { exposed: 2, services: 4, unnamed: 0 }, "2 of 4", ""],
    ["10,000 entries, 2 real: the header never reads 10000 of 4", { mode: "selected", services: padded }, { exposed: 2, services: 4, unnamed: 9998 }, "2 of 4", "9,998 entries name no service"],
    ["one typo", { mode: "selected", services: ["detail.bookinfo.svc.cluster.local"] }, { exposed: 2, services: 4, unnamed: 1 }, "2 of 4", "1 entry names no service"],
  ])("%s", (_name, exposure, counted, label, flag) => {
    const count = exposureCount(exposure, services);
    expect(count).toEqual(counted);
    expect(exposedLabel(exposure.mode, count)).toBe(label);
    expect(unnamedLabel(count)).toBe(flag);
  });
});

describe("namedEntries", () => {
  it.each<[string, Exposure, string[]]>([
    ["all: nothing chosen", { mode: "all" }, []],
    ["junk and repeats dropped", { mode: "selected", services: [...padded, padded[0] ?? ""] }, services.slice(0, 2).map((s) => s.fqdn)],
  ])("%s", (_name, exposure, expected) => {
    expect(namedEntries(exposure, services)).toEqual(expected);
  });
});
