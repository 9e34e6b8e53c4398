import { describe, expect, it } from "vitest";
import { failoverImpact, withoutPart, type ImpactChange, type Removal } from "./impact";
import { DETAILS, REVIEWS, bookinfo, brief, edit, endpoints, pipe } from "./test-helpers";
import type { FailoverInput } from "./types";

const line = (c: ImpactChange) =>
  `${c.cluster} ${c.fqdn.split(".")[0] ?? ""}: ${brief({ ...c, state: c.before })} → ${brief({ ...c, state: c.after })}`;
const gateway = (cluster: string): Removal => ({ kind: "gateway", cluster, namespace: "istio-system", name: "eastwest-gateway" });
const stale = (name: string) => (i: FailoverInput) => edit(i, name, () => ({ stale: true }));

describe("failoverImpact", () => {
  it.each<[string, FailoverInput, Removal, string[]]>([
    [
      "cluster east down (its own rows left out)",
      bookinfo(),
      { kind: "cluster", cluster: "east" },
      [
        "north details: serving-locally west>east → serving-locally west",
        "south details: remote-only reachable → remote-only reachable",
        "west details: serving-locally north>east → serving-locally north",
        "west reviews: serving-locally east → at-risk gateway-not-ready",
      ],
    ],
    [
      "north's gateway gone: north itself still serves and fails over",
      bookinfo(),
      gateway("north"),
      [
        "east details: serving-locally north>west → serving-locally west",
        "south details: remote-only reachable → remote-only reachable",
        "west details: serving-locally north>east → serving-locally east",
      ],
    ],
    [
      "west's details instance at 0",
      bookinfo(),
      { kind: "instance", cluster: "west", fqdn: DETAILS },
      [
        "east details: serving-locally north>west → serving-locally north",
        "north details: serving-locally west>east → serving-locally east",
        "south details: remote-only reachable → remote-only reachable",
        "west details: serving-locally north>east → failed-over north>east",
      ],
    ],
    [
      "the last reviews instance at 0",
      endpoints(bookinfo(), "east", REVIEWS, { ready: 0, total: 1 }),
      { kind: "instance", cluster: "west", fqdn: REVIEWS },
      ["east reviews: failed-over west → unavailable", "west reviews: at-risk remote-instances-down → unavailable"],
    ],
    [
      "a stale cluster removed is down, not stale: west's reviews at 0 become Unavailable",
      pipe(bookinfo(), stale("east"), (i) => endpoints(i, "west", REVIEWS, { ready: 0, total: 1 })),
      { kind: "cluster", cluster: "east" },
      ["south details: remote-only reachable → remote-only reachable", "west reviews: at-risk remote-cluster-stale → unavailable"],
    ],
    ["a gateway that does not exist", bookinfo(), { kind: "gateway", cluster: "west", namespace: "other", name: "eastwest-gateway" }, []],
  ])("%s", (_, input, removal, expected) => {
    expect(failoverImpact(input, removal).changes.map(line)).toEqual(expected);
  });

  it("gives the full states before and after, naming where traffic would go", () => {
    const [change] = failoverImpact(bookinfo(), { kind: "instance", cluster: "west", fqdn: REVIEWS }).changes.filter((c) => c.cluster === "west");
    expect(change?.after).toEqual({
      kind: "failed-over",
      endpoints: { ready: 0, total: 1 },
      targets: [{ cluster: "east", gateway: "istio-system/eastwest-gateway", addresses: ["10.0.2.1", "10.0.2.2"] }],
    });
  });

  it("leaves the input unchanged", () => {
    const input = bookinfo();
    const copy = structuredClone(input);
    withoutPart(input, { kind: "cluster", cluster: "west" });
    failoverImpact(input, gateway("east"));
    expect(input).toEqual(copy);
  });
});
