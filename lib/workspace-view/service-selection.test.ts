import { describe, expect, it } from "vitest";
import { inNamespace, initialSelection, matching, namespacesOf, sameAsLive, withMany } from "./service-selection";
import type { Exposure } from "./types";

const svc = (name: string, namespace: string, exposed = false) => ({ fqdn: `${name}.${namespace}.svc.cluster.local`, namespace, exposed });
const SERVICES = [svc("details", "bookinfo", true), svc("reviews", "bookinfo"), svc("ratings", "bookinfo", true), svc("cart", "shop")];
const fqdn = (name: string, ns = "bookinfo") => `${name}.${ns}.svc.cluster.local`;

describe("initialSelection: what is exposed now", () => {
  it.each<[string, Exposure, string[]]>([
    ["expose all: every service", { mode: "all" }, SERVICES.map((s) => s.fqdn)],
    ["a list: its entries naming a service, once", { mode: "selected", services: [fqdn("ratings"), "gone.x.svc.cluster.local", fqdn("ratings")] }, [fqdn("ratings")]],
    ["an empty list: nothing", { mode: "selected", services: [] }, []],
  ])("%s", (_name, exposure, expected) => {
    expect([...initialSelection(exposure, SERVICES)]).toEqual(expected);
  });
});

describe("matching", () => {
  it.each([
    ["", 4],
    ["  RE ", 1],
    ["bookinfo", 3],
    ["nothing-like-it", 0],
  ])("%j shows %i", (query, count) => {
    expect(matching(SERVICES, query)).toHaveLength(count);
  });
});

describe("namespaces and many at once", () => {
  it("lists namespaces sorted with their counts", () => {
    expect(namespacesOf(SERVICES)).toEqual([{ namespace: "bookinfo", count: 3 }, { namespace: "shop", count: 1 }]);
  });

  it.each([
    ["adds a namespace to what is chosen", new Set([fqdn("cart", "shop")]), inNamespace(SERVICES, "bookinfo"), true, [fqdn("cart", "shop"), fqdn("details"), fqdn("reviews"), fqdn("ratings")]],
    ["drops what is shown", new Set([fqdn("details"), fqdn("cart", "shop")]), [fqdn("details"), fqdn("reviews")], false, [fqdn("cart", "shop")]],
  ])("%s, leaving the old set untouched", (_name, old, fqdns, on, expected) => {
    const before = [...old];
    expect([...withMany(old, fqdns, on)]).toEqual(expected);
    expect([...old]).toEqual(before);
  });
});

describe("sameAsLive", () => {
  it.each<[string, Exposure, Exposure["mode"], string[], boolean]>([
    ["all stays all", { mode: "all" }, "all", [], true],
    ["all to a choice", { mode: "all" }, "selected", [fqdn("details")], false],
    ["the same entries in another order", { mode: "selected", services: [fqdn("ratings"), fqdn("details")] }, "selected", [fqdn("details"), fqdn("ratings")], true],
    ["one more", { mode: "selected", services: [fqdn("details")] }, "selected", [fqdn("details"), fqdn("ratings")], false],
    ["a live entry naming no service is dropped: a change", { mode: "selected", services: [fqdn("details"), "gone.x"] }, "selected", [fqdn("details")], false],
    ["a repeated live entry is dropped: a change", { mode: "selected", services: [fqdn("details"), fqdn("details")] }, "selected", [fqdn("details")], false],
  ])("%s → %s", (_name, live, mode, selected, expected) => {
    expect(sameAsLive(live, mode, new Set(selected))).toBe(expected);
  });
});
