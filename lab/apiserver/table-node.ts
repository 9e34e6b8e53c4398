// kubectl's Node printer (pkg/printers/internalversion printNode): STATUS is the Ready condition ("Ready",
// "NotReady", "Unknown" without one) plus ",SchedulingDisabled" when cordoned; ROLES come from the
// node-role.kubernetes.io/<role> labels (and the older kubernetes.io/role), "<none>" without any; VERSION is the
// kubelet's. Wide adds the addresses and the node's software.
import { age } from "./human-duration";
import { isRecord } from "./object-util";
import { column, type BuiltinPrinter } from "./table-types";
import type { KubeObject } from "./types";

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec => (isRecord(v) ? v : {});
const recs = (v: unknown): Rec[] => (Array.isArray(v) ? v.filter(isRecord) : []);
const text = (v: unknown): string => (typeof v === "string" && v !== "" ? v : "<unknown>");

const ROLE_PREFIX = "node-role.kubernetes.io/";

function nodeStatus(node: KubeObject): string {
  const ready = recs(rec(node.status).conditions).find((c) => c.type === "Ready");
  const status = [ready ? (ready.status === "True" ? "Ready" : "NotReady") : "Unknown"];
  if (rec(node.spec).unschedulable === true) status.push("SchedulingDisabled");
  return status.join(",");
}

function nodeRoles(node: KubeObject): string {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(node.metadata.labels ?? {})) {
    if (key.startsWith(ROLE_PREFIX) && key.length > ROLE_PREFIX.length) roles.add(key.slice(ROLE_PREFIX.length));
    else if (key === "kubernetes.io/role" && value !== "") roles.add(value);
  }
  return roles.size ? [...roles].sort().join(",") : "<none>";
}

function address(node: KubeObject, type: string): string {
  const found = recs(rec(node.status).addresses).find((a) => a.type === type);
  return typeof found?.address === "string" ? found.address : "<none>";
}

export const nodePrinter: BuiltinPrinter = {
  columns: [column("Status"), column("Roles"), column("Age"), column("Version"), column("Internal-IP", "string", 1), column("External-IP", "string", 1),
    column("OS-Image", "string", 1), column("Kernel-Version", "string", 1), column("Container-Runtime", "string", 1)],
  cells: (node) => {
    const info = rec(rec(node.status).nodeInfo);
    return [nodeStatus(node), nodeRoles(node), age(node.metadata.creationTimestamp), String(info.kubeletVersion ?? ""), address(node, "InternalIP"),
      address(node, "ExternalIP"), text(info.osImage), text(info.kernelVersion), text(info.containerRuntimeVersion)];
  },
};
