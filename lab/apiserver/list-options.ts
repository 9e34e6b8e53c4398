// ListOptions validation as k8s.io/apimachinery/pkg/apis/meta/internalversion/validation does it; errors are
// 422 on kind ListOptions.meta.k8s.io.
import { invalid, type FieldError } from "./status";
import type { ResourceType } from "./types";

/** A pseudo-type for errors about meta.k8s.io request options (ListOptions, CreateOptions …). */
export function optionsType(kind: string): ResourceType {
  return {
    group: "meta.k8s.io", version: "v1", servedVersions: ["v1"], kind, listKind: "", plural: "", singular: "",
    namespaced: false, shortNames: [], custom: false, subresources: {},
  };
}

const LIST_OPTIONS = optionsType("ListOptions");

const forbid = (field: string, why: string): FieldError => ({ field, reason: "FieldValueForbidden", detail: `Forbidden: ${why}` });

export function validateListOptions(query: URLSearchParams, watch: boolean): void {
  const errors: FieldError[] = [];
  const match = query.get("resourceVersionMatch") ?? "";
  const sendInitial = query.get("sendInitialEvents");
  const rv = query.get("resourceVersion") ?? "";
  if (watch) {
    if (sendInitial !== null && match !== "NotOlderThan") errors.push(forbid("resourceVersionMatch", "sendInitialEvents requires setting resourceVersionMatch to NotOlderThan"));
    if (match !== "") {
      if (sendInitial === null) errors.push(forbid("resourceVersionMatch", "resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided"));
      if (match !== "NotOlderThan") errors.push({ field: "resourceVersionMatch", reason: "FieldValueNotSupported", detail: `Unsupported value: "${match}": supported values: "NotOlderThan"` });
    }
  } else {
    if (match !== "") {
      if (rv === "") errors.push(forbid("resourceVersionMatch", "resourceVersionMatch is forbidden unless resourceVersion is provided"));
      if (query.get("continue")) errors.push(forbid("resourceVersionMatch", "resourceVersionMatch is forbidden when continue is provided"));
      if (match === "Exact" && rv === "0") errors.push(forbid("resourceVersionMatch", "resourceVersionMatch \"exact\" is forbidden for resourceVersion \"0\""));
      if (match !== "Exact" && match !== "NotOlderThan") {
        errors.push({ field: "resourceVersionMatch", reason: "FieldValueNotSupported", detail: `Unsupported value: "${match}": supported values: "Exact", "NotOlderThan", ""` });
      }
    }
    if (sendInitial !== null) errors.push(forbid("sendInitialEvents", "sendInitialEvents is forbidden for list"));
  }
  if (errors.length > 0) throw invalid(LIST_OPTIONS, "", errors);
}
