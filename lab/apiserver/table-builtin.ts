// Row printers for the other built-in kinds (kubectl's internal printers); unknown kinds print Name and Age.
import { age } from "./human-duration";
import { isRecord } from "./object-util";
import { nodePrinter } from "./table-node";
import { column, type BuiltinPrinter } from "./table-types";
import { deploymentPrinter, podPrinter, replicaSetPrinter, servicePrinter } from "./table-workloads";
import type { KubeObject } from "./types";

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec => (isRecord(v) ? v : {});
const recs = (v: unknown): Rec[] => (Array.isArray(v) ? v.filter(isRecord) : []);
const created = (o: KubeObject) => age(o.metadata.creationTimestamp);

/** "1.2.3.4:80,5.6.7.8:80 + 2 more..." as kubectl formats endpoint lists. */
function endpointList(pairs: string[]): string {
  if (pairs.length === 0) return "<none>";
  const shown = pairs.slice(0, 3).join(",");
  return pairs.length > 3 ? `${shown} + ${pairs.length - 3} more...` : shown;
}

const endpoints: BuiltinPrinter = {
  columns: [column("Endpoints"), column("Age")],
  cells: (o) => {
    const pairs = (Array.isArray(o.subsets) ? o.subsets.filter(isRecord) : []).flatMap((s) =>
      recs(s.addresses).flatMap((a) => (recs(s.ports).length ? recs(s.ports).map((p) => `${a.ip}:${p.port}`) : [String(a.ip)])));
    return [endpointList(pairs), created(o)];
  },
};

const endpointSlice: BuiltinPrinter = {
  columns: [column("AddressType"), column("Ports"), column("Endpoints"), column("Age")],
  cells: (o) => {
    const ports = recs(o.ports).map((p) => String(p.port));
    const addresses = recs(o.endpoints).flatMap((e) => (Array.isArray(e.addresses) ? e.addresses.map(String) : []));
    return [String(o.addressType ?? ""), ports.length ? ports.join(",") : "<unset>", endpointList(addresses), created(o)];
  },
};

const namespace: BuiltinPrinter = {
  columns: [column("Status"), column("Age")],
  cells: (o) => [String(rec(o.status).phase ?? ""), created(o)],
};

const configMap: BuiltinPrinter = {
  columns: [column("Data", "integer"), column("Age")],
  cells: (o) => [Object.keys(rec(o.data)).length + Object.keys(rec(o.binaryData)).length, created(o)],
};

const secret: BuiltinPrinter = {
  columns: [column("Type"), column("Data", "integer"), column("Age")],
  cells: (o) => [String(o.type ?? "Opaque"), Object.keys(rec(o.data)).length, created(o)],
};

const lease: BuiltinPrinter = {
  columns: [column("Holder"), column("Age")],
  cells: (o) => [String(rec(o.spec).holderIdentity ?? ""), created(o)],
};

const event: BuiltinPrinter = {
  columns: [column("Last Seen"), column("Type"), column("Reason"), column("Object"), column("Message")],
  cells: (o) => {
    const involved = rec(o.involvedObject);
    const last = o.lastTimestamp ?? o.eventTime ?? o.metadata.creationTimestamp;
    return [age(last), String(o.type ?? ""), String(o.reason ?? ""), `${String(involved.kind ?? "").toLowerCase()}/${String(involved.name ?? "")}`, String(o.message ?? "")];
  },
  omitName: true,
};

// The default table convertor (rest.NewDefaultTableConvertor) CRDs print with: Name and "Created At", an RFC 3339
// timestamp rather than an age.
const createdAt: BuiltinPrinter = {
  columns: [{ ...column("Created At", "date"), description: "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC." }],
  cells: (o) => [o.metadata.creationTimestamp ?? ""],
};

export const defaultPrinter: BuiltinPrinter = { columns: [column("Age")], cells: (o) => [created(o)] };

const PRINTERS: Record<string, BuiltinPrinter> = {
  "/Pod": podPrinter, "/Service": servicePrinter, "apps/Deployment": deploymentPrinter, "apps/ReplicaSet": replicaSetPrinter, "/Endpoints": endpoints,
  "discovery.k8s.io/EndpointSlice": endpointSlice, "/Namespace": namespace, "/ConfigMap": configMap, "/Secret": secret,
  "coordination.k8s.io/Lease": lease, "/Event": event, "/Node": nodePrinter, "apiextensions.k8s.io/CustomResourceDefinition": createdAt,
};

export function builtinPrinter(group: string, kind: string): BuiltinPrinter {
  return PRINTERS[`${group}/${kind}`] ?? defaultPrinter;
}
