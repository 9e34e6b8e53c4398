import { describe, expect, it } from "vitest";
import { detailHref, filtersFromParams, isFiltered, listHref, listInputOf, NO_FILTERS, paramsOf, type ObjectFilters } from "./filters";

describe("filters in the URL", () => {
  it.each<[string, string, ObjectFilters]>([
    ["nothing", "", NO_FILTERS],
    ["every filter", "cluster=west&ns=bookinfo&kind=ServiceEntry&generated=console&q=details&sort=age&dir=desc&page=3", { cluster: "west", namespace: "bookinfo", kind: "ServiceEntry", generated: "console", search: "details", sort: "age", dir: "desc", page: 3 }],
    ["an unknown kind, generated value, sort and dir are dropped", "kind=Pod&generated=maybe&sort=size&dir=up", NO_FILTERS],
    ["a page that is not a whole positive number is the first", "page=abc", NO_FILTERS],
    ["page 0", "page=0", NO_FILTERS],
    ["page 1.5", "page=1.5", NO_FILTERS],
    ["an empty value is no filter", "cluster=&q=", NO_FILTERS],
    ["a search of spaces is no search", "q=%20%20", NO_FILTERS],
    ["a value past the name bound is dropped", `cluster=${"x".repeat(254)}`, NO_FILTERS],
  ])("%s", (_name, query, expected) => {
    expect(filtersFromParams(new URLSearchParams(query))).toEqual(expected);
  });

  it("reads Next's searchParams object (the first of repeated values)", () => {
    expect(filtersFromParams({ cluster: ["east", "west"], kind: "Gateway", q: undefined })).toEqual({ ...NO_FILTERS, cluster: "east", kind: "Gateway" });
  });

  it("round-trips, leaving defaults out of the URL", () => {
    const f: ObjectFilters = { cluster: "west", generated: "other", search: "a b", sort: "cluster", dir: "asc", page: 2 };
    expect(paramsOf(f).toString()).toBe("cluster=west&generated=other&q=a+b&page=2");
    expect(filtersFromParams(paramsOf(f))).toEqual(f);
    expect(listHref(NO_FILTERS)).toBe("/istio");
  });

  it("asks the list for the page's window", () => {
    expect(listInputOf({ ...NO_FILTERS, kind: "WorkloadEntry", page: 3 })).toEqual({ kind: "WorkloadEntry", sort: "cluster", dir: "asc", offset: 100, limit: 50 });
  });

  it("sort and page are not filters", () => {
    expect(isFiltered({ ...NO_FILTERS, sort: "age", page: 4 })).toBe(false);
    expect(isFiltered({ ...NO_FILTERS, generated: "console" })).toBe(true);
  });

  it("the detail address encodes each segment and carries the list's filters", () => {
    expect(detailHref({ cluster: "west", kind: "ServiceEntry", namespace: "xcp-multicluster", name: "a/b" }, { ...NO_FILTERS, cluster: "west", generated: "console" })).toBe("/istio/west/ServiceEntry/xcp-multicluster/a%2Fb?cluster=west&generated=console");
  });
});
