import { describe, expect, it } from "vitest";
import { readTableState, withFilter, writeTableState, type TableState } from "./table-url";

describe("topology table state in the URL", () => {
  it.each<[string, TableState]>([
    ["", { sort: "health", page: 1 }],
    ["tstate=at-risk&tcluster=west", { cluster: "west", state: "at-risk", sort: "health", page: 1 }],
    ["tns=bookinfo&tq=details&tsort=service&tpage=3", { namespace: "bookinfo", search: "details", sort: "service", page: 3 }],
    ["tstate=broken&tsort=size&tpage=-2", { sort: "health", page: 1 }],
    ["tpage=1.5&tcluster=", { sort: "health", page: 1 }],
    [`tq=${"x".repeat(300)}`, { sort: "health", page: 1 }],
  ])("%j reads as the state", (query, state) => {
    expect(readTableState(new URLSearchParams(query))).toEqual(state);
  });

  it("writes only what differs from the defaults and keeps the page's own params", () => {
    const params = new URLSearchParams("view=table&node=svc%3Awest%2Fx&tstate=unknown");
    const written = writeTableState(params, { cluster: "east", sort: "cluster", page: 2 });
    expect(written.toString()).toBe("view=table&node=svc%3Awest%2Fx&tcluster=east&tsort=cluster&tpage=2");
    expect(readTableState(written)).toEqual({ cluster: "east", sort: "cluster", page: 2 });
  });

  it("a filter change goes back to page 1 and drops emptied filters", () => {
    expect(withFilter({ cluster: "west", search: "det", sort: "service", page: 4 }, { search: "" })).toEqual({ cluster: "west", sort: "service", page: 1 });
  });
});
