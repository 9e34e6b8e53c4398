// What the apiextensions NamingConditionController and EstablishingController decide for a CRD: which requested
// names it may have (each one unless another type in the same group already uses it; a name it already has stays
// its own), the NamesAccepted condition (reason PluralConflict, SingularConflict, ShortNamesConflict, KindConflict
// or ListKindConflict, message `"x" is already in use`), and Established (True once the names were accepted; it
// stays True). The lab serves a CRD's type from the moment it is established.
import type { AcceptedNames, CrdCondition, CrdSpec } from "./crd-spec";

/** Names other types of the same group use (resources: plural, singular, short names; kinds: kind, listKind). */
export interface UsedNames {
  resources: Set<string>;
  kinds: Set<string>;
}

export interface NamingResult {
  accepted: AcceptedNames;
  namesAccepted: CrdCondition;
  established: CrdCondition;
}

function conflict(requested: string | undefined, accepted: string | undefined, used: Set<string>): string | undefined {
  if (requested === undefined || requested === accepted || !used.has(requested)) return undefined;
  return `"${requested}" is already in use`;
}

export function acceptNames(spec: CrdSpec, previous: AcceptedNames | undefined, used: UsedNames, wasEstablished: CrdCondition | undefined): NamingResult {
  const requested = spec.names;
  const before: AcceptedNames = previous ?? { plural: "", kind: "" };
  const next: AcceptedNames = { ...before };
  let failure: { reason: string; message: string } | undefined;
  const check = (field: "plural" | "singular" | "kind" | "listKind", reason: string, usedSet: Set<string>): void => {
    const message = conflict(requested[field], before[field], usedSet);
    if (message) failure = { reason, message };
    else if (requested[field] !== undefined) next[field] = requested[field];
  };
  check("plural", "PluralConflict", used.resources);
  check("singular", "SingularConflict", used.resources);
  const owned = new Set(before.shortNames ?? []);
  const shortConflicts = (requested.shortNames ?? []).filter((s) => !owned.has(s) && used.resources.has(s)).map((s) => `"${s}" is already in use`);
  if (shortConflicts.length > 0) failure = { reason: "ShortNamesConflict", message: shortConflicts.length === 1 ? shortConflicts[0] ?? "" : `[${shortConflicts.join(", ")}]` };
  else if (requested.shortNames !== undefined) next.shortNames = requested.shortNames;
  else delete next.shortNames;
  check("kind", "KindConflict", used.kinds);
  check("listKind", "ListKindConflict", used.kinds);
  if (requested.categories !== undefined) next.categories = requested.categories;
  else delete next.categories;
  const namesAccepted: CrdCondition = failure
    ? { type: "NamesAccepted", status: "False", ...failure }
    : { type: "NamesAccepted", status: "True", reason: "NoConflicts", message: "no conflicts found" };
  const established: CrdCondition =
    wasEstablished?.status === "True"
      ? wasEstablished
      : namesAccepted.status === "True"
        ? { type: "Established", status: "True", reason: "InitialNamesAccepted", message: "the initial names have been accepted" }
        : { type: "Established", status: "False", reason: "NotAccepted", message: "not all names are accepted" };
  return { accepted: next, namesAccepted, established };
}
