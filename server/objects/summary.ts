// The "hosts / address" column of the Istio objects table: what each kind routes, in a few words, read leniently
// from the untyped spec (a malformed field reads as absent, never a throw). Semantics relied on (Istio
// networking.istio.io/v1): a ServiceEntry adds `spec.hosts` (and optional VIPs in `spec.addresses`) to the mesh's
// registry; a WorkloadEntry is one endpoint at `spec.address` (an IP or DNS name; `network` when it is reached
// through a gateway); a DestinationRule applies to `spec.host`; a Gateway's `spec.servers` each admit `hosts` on
// a `port` (the console's passthrough Gateways: 15443, TLS mode AUTO_PASSTHROUGH).
import { asArray, asRecord, asString } from "@/lib/registry/json-read";
import type { IstioObjectKind } from "./types";

/** Hosts shown before "+N more": the column stays one line. */
const SHOWN = 3;

function some(values: readonly string[]): string {
  if (values.length <= SHOWN) return values.join(", ");
  return `${values.slice(0, SHOWN).join(", ")} +${values.length - SHOWN} more`;
}

const strings = (value: unknown): string[] => asArray(value).flatMap((v) => asString(v) ?? []);

function serviceEntry(spec: Record<string, unknown>): string {
  const hosts = some(strings(spec.hosts));
  const addresses = strings(spec.addresses);
  return addresses.length === 0 ? hosts : `${hosts} (${some(addresses)})`;
}

function workloadEntry(spec: Record<string, unknown>): string {
  const address = asString(spec.address) ?? "";
  const network = asString(spec.network);
  return network ? `${address} (network ${network})` : address;
}

function gateway(spec: Record<string, unknown>): string {
  return asArray(spec.servers)
    .flatMap((s) => {
      const server = asRecord(s);
      if (!server) return [];
      const port = asRecord(server.port)?.number;
      const mode = asString(asRecord(server.tls)?.mode);
      const where = typeof port === "number" ? `:${port}` : "";
      return [`${some(strings(server.hosts))}${where}${mode ? ` ${mode}` : ""}`];
    })
    .join("; ");
}

/** The kind's hosts or address, in a line. */
export function objectSummary(kind: IstioObjectKind, specValue: unknown): string {
  const spec = asRecord(specValue) ?? {};
  switch (kind) {
    case "ServiceEntry":
      return serviceEntry(spec);
    case "WorkloadEntry":
      return workloadEntry(spec);
    case "DestinationRule":
      return asString(spec.host) ?? "";
    case "Gateway":
      return gateway(spec);
  }
}

/** Every host or address the object names (the search matches these, not only the ones the summary shows). */
export function objectHosts(kind: IstioObjectKind, specValue: unknown): string[] {
  const spec = asRecord(specValue) ?? {};
  switch (kind) {
    case "ServiceEntry":
      return [...strings(spec.hosts), ...strings(spec.addresses)];
    case "WorkloadEntry":
      return strings([spec.address]);
    case "DestinationRule":
      return strings([spec.host]);
    case "Gateway":
      return asArray(spec.servers).flatMap((s) => strings(asRecord(s)?.hosts));
  }
}
