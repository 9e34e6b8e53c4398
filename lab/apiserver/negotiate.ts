// Accept-header negotiation: plain JSON, or a meta.k8s.io Table (server-side printing) when the client lists it
// first, as kubectl get does. Anything else acceptable to the client → 406.
import { statusError } from "./status";

export type Output = "json" | "table";

export function negotiate(accept: string | undefined): Output {
  if (!accept || accept.trim() === "") return "json";
  for (const entry of accept.split(",")) {
    const [media = "", ...params] = entry.split(";").map((p) => p.trim().toLowerCase());
    const opts = Object.fromEntries(params.map((p) => p.split("=").map((s) => s.trim())));
    if (opts.as === "table" && opts.g === "meta.k8s.io" && (opts.v === "v1" || opts.v === "v1beta1")) return "table";
    if (opts.as !== undefined) continue;
    if (media === "application/json" || media === "*/*" || media === "application/*") return "json";
  }
  throw statusError(406, "NotAcceptable", "only the following media types are accepted: application/json, application/yaml, application/vnd.kubernetes.protobuf");
}

export type DiscoveryOutput = "v2" | "v2beta1" | "legacy";

/**
 * Accept negotiation for /api and /apis: the first acceptable entry wins, as the apiserver's negotiator picks. An
 * entry naming apidiscovery.k8s.io v2 or v2beta1 as APIGroupDiscoveryList is aggregated discovery; plain JSON (or a
 * wildcard) the legacy APIVersions/APIGroupList; anything else → 406.
 */
export function negotiateDiscovery(accept: string | undefined): DiscoveryOutput {
  if (!accept || accept.trim() === "") return "legacy";
  for (const entry of accept.split(",")) {
    const [media = "", ...params] = entry.split(";").map((p) => p.trim().toLowerCase());
    const opts = Object.fromEntries(params.map((p) => p.split("=").map((s) => s.trim())));
    if (opts.g === "apidiscovery.k8s.io" && opts.as === "apigroupdiscoverylist" && media === "application/json") {
      if (opts.v === "v2" || opts.v === "v2beta1") return opts.v;
      continue;
    }
    if (opts.as !== undefined) continue;
    if (media === "application/json" || media === "*/*" || media === "application/*") return "legacy";
  }
  throw statusError(406, "NotAcceptable", "only the following media types are accepted: application/json, application/yaml, application/vnd.kubernetes.protobuf");
}
