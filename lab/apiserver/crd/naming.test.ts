// Table-driven: the names a CRD asks for, the names other types of its group use, and what the naming and
// establishing controllers decide.
import { describe, expect, it } from "vitest";
import type { AcceptedNames, CrdSpec } from "./crd-spec";
import { acceptNames } from "./naming";

const spec = (names: Partial<CrdSpec["names"]> = {}): CrdSpec => ({
  group: "example.com", scope: "Namespaced", versions: [],
  names: { kind: "Widget", plural: "widgets", singular: "widget", listKind: "WidgetList", shortNames: ["wd"], ...names },
});
const used = (resources: string[] = [], kinds: string[] = []) => ({ resources: new Set(resources), kinds: new Set(kinds) });

const rows: Array<[string, CrdSpec, AcceptedNames | undefined, ReturnType<typeof used>, string, string | undefined]> = [
  ["no conflict", spec(), undefined, used(), "True NoConflicts", undefined],
  ["plural in use", spec(), undefined, used(["widgets"]), "False PluralConflict", '"widgets" is already in use'],
  ["singular in use", spec(), undefined, used(["widget"]), "False SingularConflict", '"widget" is already in use'],
  ["a short name in use", spec(), undefined, used(["wd"]), "False ShortNamesConflict", '"wd" is already in use'],
  ["kind in use", spec(), undefined, used([], ["Widget"]), "False KindConflict", '"Widget" is already in use'],
  ["list kind in use", spec(), undefined, used([], ["WidgetList"]), "False ListKindConflict", '"WidgetList" is already in use'],
  ["a name it already has is its own", spec(), { plural: "widgets", kind: "Widget" }, used(["widgets"], ["Widget"]), "True NoConflicts", undefined],
];

describe("acceptNames", () => {
  it.each(rows)("%s", (_name, requested, previous, usedNames, condition, message) => {
    const result = acceptNames(requested, previous, usedNames, undefined);
    expect(`${result.namesAccepted.status} ${result.namesAccepted.reason ?? ""}`).toBe(condition);
    if (message) expect(result.namesAccepted.message).toBe(message);
    expect(result.established.status).toBe(result.namesAccepted.status);
  });

  it("accepts every requested name when free, and keeps Established once it was True", () => {
    const first = acceptNames(spec(), undefined, used(), undefined);
    expect(first.accepted).toEqual({ plural: "widgets", singular: "widget", kind: "Widget", listKind: "WidgetList", shortNames: ["wd"] });
    expect(first.established).toMatchObject({ status: "True", reason: "InitialNamesAccepted" });
    const renamed = acceptNames(spec({ plural: "gadgets" }), first.accepted, used(["gadgets"]), first.established);
    expect(renamed.namesAccepted).toMatchObject({ status: "False", reason: "PluralConflict" });
    expect(renamed.accepted.plural).toBe("widgets");
    expect(renamed.established).toBe(first.established);
  });
});
