// How one planner input differs from the previous one, by identity: what the console's thread sends the planner
// worker (server/model/planner-host.ts) instead of the whole input. The adapter hands out the same ClusterInput
// for an unchanged cluster and the same ServiceInput for an unchanged Service, so only what changed crosses; the
// receiver rebuilds the input from its previous one, reusing those objects, and the planner's identity-keyed
// memo (service-key.ts) still hits there. Plain data only: the delta is structured-clone safe.
import type { ClusterInput, PlanInput, ServiceInput } from "./input";

/**
 * One cluster of the next input, in order. `same`: the previous input's cluster at that index, unchanged.
 * Otherwise the cluster without its services, and its services in order: a number is the index of an unchanged
 * ServiceInput in the `base` cluster (the previous one of the same name), "same" the base's very array.
 */
export type ClusterChange =
  | { same: number }
  | { fields: Omit<ClusterInput, "services">; base?: number; services: "same" | (number | ServiceInput)[] };

export type InputDelta = {
  clusters: ClusterChange[];
  /** Sent whole: they are small. */
  workspaces: PlanInput["workspaces"];
  resolvedHostnames?: PlanInput["resolvedHostnames"];
  allowLoopbackGatewayAddresses?: PlanInput["allowLoopbackGatewayAddresses"];
};

function indexOf<T>(items: readonly T[]): Map<T, number> {
  const index = new Map<T, number>();
  items.forEach((item, i) => {
    if (!index.has(item)) index.set(item, i);
  });
  return index;
}

/** Every field but the services (a copy, so a field the schema gains later crosses too). */
function fieldsOf(cluster: ClusterInput): Omit<ClusterInput, "services"> {
  const fields: Partial<ClusterInput> = { ...cluster };
  delete fields.services;
  return fields as Omit<ClusterInput, "services">;
}

function clusterChange(cluster: ClusterInput, previous: readonly ClusterInput[]): ClusterChange {
  const base = previous.findIndex((c) => c.name === cluster.name);
  const before = previous[base];
  if (!before) return { fields: fieldsOf(cluster), services: cluster.services };
  if (before.services === cluster.services) return { fields: fieldsOf(cluster), base, services: "same" };
  const kept = indexOf(before.services);
  return { fields: fieldsOf(cluster), base, services: cluster.services.map((s) => kept.get(s) ?? s) };
}

function optional(input: PlanInput): Pick<InputDelta, "resolvedHostnames" | "allowLoopbackGatewayAddresses"> {
  return {
    ...(input.resolvedHostnames === undefined ? {} : { resolvedHostnames: input.resolvedHostnames }),
    ...(input.allowLoopbackGatewayAddresses === undefined ? {} : { allowLoopbackGatewayAddresses: input.allowLoopbackGatewayAddresses }),
  };
}

/** What `next` changes of `previous` (undefined: the receiver has nothing yet, everything is sent). */
export function inputDelta(previous: PlanInput | undefined, next: PlanInput): InputDelta {
  const before = previous?.clusters ?? [];
  const same = indexOf(before);
  const clusters = next.clusters.map((c): ClusterChange => {
    const at = same.get(c);
    return at === undefined ? clusterChange(c, before) : { same: at };
  });
  return { clusters, workspaces: next.workspaces, ...optional(next) };
}

function rebuilt(change: ClusterChange, previous: readonly ClusterInput[]): ClusterInput {
  const at = "same" in change ? change.same : change.base;
  const base = at === undefined ? undefined : previous[at];
  if ("same" in change) {
    if (!base) throw new Error(`input delta names cluster #${change.same}, which the previous input does not have`);
    return base;
  }
  const reused = (i: number): ServiceInput => {
    const service = base?.services[i];
    if (!service) throw new Error(`input delta names service #${i} of cluster ${change.fields.name}, which the previous input does not have`);
    return service;
  };
  const services = change.services === "same" ? base?.services : change.services.map((s) => (typeof s === "number" ? reused(s) : s));
  if (!services) throw new Error(`input delta keeps the services of cluster ${change.fields.name}, which the previous input does not have`);
  return { ...change.fields, services };
}

/** The input `delta` was computed to, reusing `previous`'s objects for everything unchanged. */
export function applyInputDelta(previous: PlanInput | undefined, delta: InputDelta): PlanInput {
  const before = previous?.clusters ?? [];
  const { clusters, ...rest } = delta;
  return { clusters: clusters.map((c) => rebuilt(c, before)), ...rest };
}
