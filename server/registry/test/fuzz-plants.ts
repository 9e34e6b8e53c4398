// Test-only: the objects the ownership fuzz plants (ownership-fuzz.int.test.ts). Each carries a proper subset of
// the registry's four marks — L the managed-by label, A the source annotations, N a name and namespace the
// planner could produce, M the eastwest-registry Apply entry in managedFields — in each cluster, placed in
// default, kube-system, bookinfo or xcp-multicluster, sometimes under a name the planner actually wants.
import { CONTENT_HASH_ANNOTATION, MANAGED_BY_LABEL, MANAGED_BY_VALUE } from "@/lib/plan/desired";
import type { DesiredObject } from "@/lib/plan/desired";
import { SOURCE_ANNOTATIONS } from "@/lib/registry/ownership";

export type Mark = "L" | "A" | "N" | "M";
export type FuzzKind = "ServiceEntry" | "WorkloadEntry" | "DestinationRule" | "Gateway";
/** How it is written: `ssa-ours` is the registry's manager (Apply); the others leave M out. */
export type PlantMode = "ssa-ours" | "create" | "ssa-other" | "update-ours";

export type Plant = { context: string; kind: FuzzKind; namespace: string; name: string; marks: Mark[]; mode: PlantMode; planned: boolean; claims: boolean };

export const KINDS: readonly FuzzKind[] = ["ServiceEntry", "WorkloadEntry", "DestinationRule", "Gateway"];
const MARKS: readonly Mark[] = ["L", "A", "N", "M"];
const HEX = "00000000000000000000000000f0220f";

/** Every proper subset of the four marks (15). */
export function properSubsets(): Mark[][] {
  return Array.from({ length: 15 }, (_, bits) => MARKS.filter((_, i) => (bits >> i) & 1));
}

/** A name and namespace the planner could produce, but does not plan (N present, no collision). */
function producible(kind: FuzzKind, i: number): { namespace: string; name: string } | undefined {
  if (kind === "ServiceEntry") return { namespace: "xcp-multicluster", name: `global-gwinternal-fuzz-${i}` };
  if (kind === "WorkloadEntry") return { namespace: "bookinfo", name: `k-fuzz${i}-${HEX}` };
  if (kind === "DestinationRule") return { namespace: i % 2 === 0 ? "bookinfo" : "xcp-multicluster", name: `global-gwinternal-fuzz-${i}` };
  return undefined; // a Gateway's only producible name is its gateway's, which may be planned: see collisions
}

const WRONG_NAMESPACES: Record<FuzzKind, readonly string[]> = {
  ServiceEntry: ["default", "kube-system", "bookinfo"],
  WorkloadEntry: ["default", "kube-system", "xcp-multicluster"],
  DestinationRule: ["default", "kube-system"],
  Gateway: ["default", "kube-system", "xcp-multicluster"],
};
const OUR_NAMING: Record<FuzzKind, (i: number) => string> = {
  ServiceEntry: (i) => `global-gwinternal-fuzz-${i}`,
  WorkloadEntry: (i) => `k-fuzz${i}-${HEX}`,
  DestinationRule: (i) => `global-gwinternal-fuzz-${i}`,
  Gateway: (i) => `fuzz${i}-passthrough`,
};
const RIGHT_NAMESPACE: Record<FuzzKind, string> = { ServiceEntry: "xcp-multicluster", WorkloadEntry: "bookinfo", DestinationRule: "bookinfo", Gateway: "bookinfo" };

/** N absent: our naming in a namespace the planner never uses for the kind, or its namespace with a foreign name. */
function notProducible(kind: FuzzKind, i: number): Array<{ namespace: string; name: string; ourNaming: boolean }> {
  const wrong = WRONG_NAMESPACES[kind];
  return [
    { namespace: wrong[i % wrong.length] ?? "default", name: OUR_NAMING[kind](i), ourNaming: true },
    { namespace: RIGHT_NAMESPACE[kind], name: `fuzz-${kind.toLowerCase()}-${i}`, ourNaming: false },
  ];
}

const NON_OURS: readonly PlantMode[] = ["create", "ssa-other", "update-ours"];

function plant(context: string, kind: FuzzKind, at: { namespace: string; name: string }, marks: Mark[], i: number, planned: boolean, ourNaming: boolean): Plant {
  // Without M: created by someone else, or by our manager's name through an Update (kubectl --field-manager),
  // which is not an Apply. An empty subset never uses our manager's name at all.
  const mode: PlantMode = marks.includes("M") ? "ssa-ours" : marks.length === 0 ? "create" : (NON_OURS[i % NON_OURS.length] ?? "create");
  const claims = marks.includes("L") || marks.includes("A") || mode === "ssa-ours" || mode === "update-ours" || ourNaming;
  return { context, kind, ...at, marks, mode, planned, claims };
}

/**
 * Every proper subset, for every kind and cluster: producible placements when N is in the subset, two
 * non-producible ones when not; plus, under names the registry plans (`planned`, per cluster), one plant per
 * other planned id, with subsets that include N taken in turn.
 */
export function fuzzPlants(contexts: readonly string[], planned: Readonly<Record<string, readonly DesiredObject[]>>): Plant[] {
  const out: Plant[] = [];
  let i = 0;
  for (const context of contexts) {
    for (const kind of KINDS) {
      for (const marks of properSubsets()) {
        i++;
        if (marks.includes("N")) {
          const at = producible(kind, i);
          if (at) out.push(plant(context, kind, at, marks, i, false, true));
        } else for (const at of notProducible(kind, i)) out.push(plant(context, kind, at, marks, i, false, at.ourNaming));
      }
    }
    const withN = properSubsets().filter((m) => m.includes("N"));
    // Every other planned id, so the registry still has objects of its own to publish around the plants.
    for (const [j, d] of (planned[context] ?? []).entries()) {
      if (j % 2 === 1) continue;
      out.push(plant(context, d.kind, { namespace: d.metadata.namespace, name: d.metadata.name }, withN[(j / 2) % withN.length] ?? ["N"], j / 2, true, true));
    }
  }
  return out;
}

function specOf(kind: FuzzKind, i: number): object {
  if (kind === "ServiceEntry") return { hosts: [`fuzz-${i}.example.com`], location: "MESH_EXTERNAL", resolution: "DNS", ports: [{ number: 80, name: "http", protocol: "HTTP" }] };
  if (kind === "WorkloadEntry") return { address: `10.99.${(i >> 8) & 255}.${i & 255}`, labels: { app: "fuzz" } };
  if (kind === "DestinationRule") return { host: `fuzz-${i}.example.com` };
  return { selector: { app: "fuzz" }, servers: [{ port: { number: 15443, name: "tls", protocol: "TLS" }, tls: { mode: "AUTO_PASSTHROUGH" }, hosts: ["*.fuzz.example.com"] }] };
}

/** The object as written: the label and annotations when the subset has them, someone's own otherwise. */
export function manifest(p: Plant, i: number): object {
  const labels = { team: "fuzz", ...(p.marks.includes("L") ? { [MANAGED_BY_LABEL]: MANAGED_BY_VALUE } : {}) };
  const ours = Object.fromEntries(SOURCE_ANNOTATIONS.map((a) => [a, a === CONTENT_HASH_ANNOTATION ? HEX : "west"]));
  const annotations = { note: "planted by the ownership fuzz", ...(p.marks.includes("A") ? ours : {}) };
  return { apiVersion: "networking.istio.io/v1", kind: p.kind, metadata: { name: p.name, namespace: p.namespace, labels, annotations }, spec: specOf(p.kind, i) };
}

export const plantId = (p: { kind: string; namespace: string; name: string }) => `${p.kind} ${p.namespace}/${p.name}`;
