// inspect.node: everything the side panel shows for one node of the topology, read from the fleet model's current
// state through memos and per-map indexes — the work is for this node only, whatever the fleet's size.
import type { ClusterSnapshot } from "@/lib/fleet/snapshot-types";
import { gatewayKey, gatewayPodsOf } from "@/lib/readiness/gateway-pods";
import { quoted } from "@/lib/validation/bounded-text";
import { notFound } from "@/server/errors";
import type { ModelState } from "@/server/model/types";
import type { InspectDeps } from "./deps";
import { stateOf } from "@/server/workspaces/fleet-input";
import { snapshotKeys, viewMemoOf, type ViewMemo } from "@/server/workspaces/view-memo";
import { clusterFacts, gatewayAddresses, gatewayFacts } from "./node-facts";
import { parseNodeId, type NodeRef } from "./node-id";
import { nodeObjects } from "./node-objects";
import { serviceDetails } from "./service-details";
import { scopeOf, type Scope } from "./scope";
import { connectCommand } from "./test-command";
import type { NodeDetails } from "./types";


const unknownNode = (id: string, why: string) => notFound("id", `node ${quoted(id)} ${why}.`);

/** Workspaces of the scope spanning `cluster`. */
const spanning = (scope: Scope, cluster: string) => scope.parts.filter((p) => p.core.clusterNames.includes(cluster)).map((p) => p.core.ws.name);

/** The group drawn for a cluster, with its namespaces and gateways: the graph's own counts. */
const groupOf = (scope: Scope, cluster: string) => scope.full.clusterById.get(`cluster:${cluster}`);

type Base = Pick<NodeDetails, "id" | "cluster" | "computedAt">;

function clusterNode(base: Base, state: ModelState, scope: Scope, c: ClusterSnapshot): NodeDetails {
  const input = state.adapted.input.clusters.find((x) => x.name === c.name);
  const counts = groupOf(scope, c.name)?.counts;
  return {
    ...base,
    kind: "cluster",
    title: c.name,
    ...(counts ? { counts } : {}),
    facts: clusterFacts(c, input),
    objects: [],
    registry: { kind: "none", why: "Expected-versus-actual is shown per service: open one of the cluster's services." },
    tests: [],
    testsNote: "A cluster is tested through its services and gateways.",
    workspaces: spanning(scope, c.name),
    whatIf: { kind: "cluster", cluster: c.name },
  };
}

function namespaceNode(base: Base, scope: Scope, c: ClusterSnapshot, namespace: string): NodeDetails {
  const counts = groupOf(scope, c.name)?.namespaces.find((n) => n.collapsed.namespace === namespace)?.collapsed.counts;
  if (!counts && !c.objects.Namespace.has(namespace)) throw unknownNode(base.id, `names no namespace of ${c.name} in this scope`);
  const { objects } = nodeObjects(c, { kind: "namespace", cluster: c.name, namespace });
  return {
    ...base,
    kind: "namespace",
    title: `${namespace} in ${c.name}`,
    ...(counts ? { counts } : {}),
    facts: [],
    objects,
    registry: { kind: "none", why: "Expected-versus-actual is shown per service: open one of the namespace's services." },
    tests: [],
    testsNote: "A namespace is tested through its services.",
    workspaces: spanning(scope, c.name),
  };
}

function gatewayNode(base: Base, state: ModelState, memo: ViewMemo, scope: Scope, c: ClusterSnapshot, namespace: string, name: string): NodeDetails {
  const input = state.adapted.input;
  const gateway = input.clusters.find((x) => x.name === c.name)?.gateways.find((g) => g.namespace === namespace && g.name === name);
  if (!gateway && !c.objects.IngressGateway.has(`${namespace}/${name}`)) throw unknownNode(base.id, `names no gateway of ${c.name}`);
  // The same slot and keys as the workspace pages: one fleet-wide count of gateway pods per change, shared.
  const pods = memo.get("gateway-pods", [input, ...snapshotKeys(state.snapshot).pods], () => gatewayPodsOf(state.snapshot, input)).get(gatewayKey(c.name, namespace, name));
  const { objects, more } = nodeObjects(c, { kind: "gateway", cluster: c.name, namespace, name });
  const address = gatewayAddresses(gateway)[0];
  const workspaces = spanning(scope, c.name);
  const others = [...new Set(scope.parts.flatMap((p) => p.core.clusterNames))].filter((n) => n !== c.name);
  return {
    ...base,
    kind: "gateway",
    title: `${namespace}/${name}`,
    facts: [...gatewayFacts(gateway, pods), ...(more > 0 ? [{ label: "Not shown", value: `${more} more objects` }] : [])],
    objects,
    registry: { kind: "none", why: "The registry writes per service: open a service to compare what it planned with what the cluster holds." },
    tests: address ? others.map((from) => ({ cluster: from, command: connectCommand(from, address), explains: `Checks that ${address}:15443 accepts connections from ${from}'s pod network, as a remote sidecar dials it (mTLS is not checked).` })) : [],
    ...(address ? {} : { testsNote: "The gateway publishes no address yet: there is nothing to dial." }),
    workspaces,
    whatIf: { kind: "gateway", cluster: c.name, namespace, name },
  };
}

export async function nodeDetails(deps: InspectDeps, input: { workspace?: string | undefined; id: string }): Promise<NodeDetails> {
  const ref: NodeRef | undefined = parseNodeId(input.id);
  if (!ref) throw unknownNode(input.id, "is not a node id (cluster:<cluster>, ns:<cluster>/<namespace>, gw:<cluster>/<namespace>/<name>, svc:<cluster>/<fqdn> or se:<cluster>/<fqdn>)");
  const state = await stateOf(deps);
  const memo = viewMemoOf(deps.model);
  const scope = await scopeOf(memo, state, input.workspace);
  const c = state.snapshot.clusters.find((x) => x.name === ref.cluster);
  if (!c) throw unknownNode(input.id, `names cluster ${quoted(ref.cluster)}, which is not in the fleet`);
  const base: Base = { id: input.id, cluster: c.name, computedAt: state.snapshot.at };
  switch (ref.kind) {
    case "cluster":
      return clusterNode(base, state, scope, c);
    case "namespace":
      return namespaceNode(base, scope, c, ref.namespace);
    case "gateway":
      return gatewayNode(base, state, memo, scope, c, ref.namespace, ref.name);
    case "service":
    case "service-entry": {
      const row = scope.rows.byId.get(input.id);
      if (!row) throw unknownNode(input.id, `names no service of ${c.name}${input.workspace ? ` in workspace ${quoted(input.workspace)}` : ""}`);
      const status = await deps.registryStatus?.();
      return serviceDetails({ base, state, scope, c, row, propagation: status?.propagation });
    }
  }
}
