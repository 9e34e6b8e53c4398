// The what-if impact as the server renders it: one section per cluster, each service with its state before and
// after in lib/failover's words and the after sentence.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { WhatIfResult } from "../panel/inspect-types";
import { WhatIfGroups } from "./what-if-groups";

const DETAILS = "details.bookinfo.svc.cluster.local";
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

const result: WhatIfResult = {
  removal: { kind: "instance", cluster: "west", fqdn: DETAILS },
  removalWords: `${DETAILS} in west`,
  changed: 2,
  unavailable: 0,
  computedAt: "2026-01-10T12:00:00.000Z",
  clusters: [
    { cluster: "east", services: [{ fqdn: DETAILS, namespace: "bookinfo", before: { kind: "serving-locally", words: "Serving locally", sentence: "s1" }, after: { kind: "at-risk", words: "At risk", reasonWords: "every remote instance down", sentence: "At risk: every remote instance down." }, targets: [], unavailable: false }], total: 1, unavailable: 0 },
    { cluster: "west", services: [{ fqdn: DETAILS, namespace: "bookinfo", before: { kind: "serving-locally", words: "Serving locally", sentence: "s2" }, after: { kind: "failed-over", words: "Failed over", sentence: "Failed over to east through bookinfo/eastwest-gateway." }, targets: [{ cluster: "east", gateway: "bookinfo/eastwest-gateway" }], unavailable: false }], total: 3, unavailable: 1 },
  ],
};

describe("WhatIfGroups", () => {
  it("groups by cluster, before → after in the pages' words", () => {
    const html = renderToStaticMarkup(<WhatIfGroups result={result} />);
    const t = text(html);
    expect(t).toContain("In east (1)");
    expect(t).toMatch(/details details\.bookinfo\.svc\.cluster\.local ✓ Serving locally → would become ! At risk every remote instance down/);
    expect(t).toContain("Failed over to east through bookinfo/eastwest-gateway.");
    expect(t.indexOf("In east")).toBeLessThan(t.indexOf("In west"));
    expect(t).toContain("In west (3)");
    expect(t).toContain("And 2 more in west (1 in all would become Unavailable, listed first).");
    expect(t).not.toContain("more in east");
  });
});
