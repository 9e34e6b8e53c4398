// Waiting until a cluster's sidecars have a configuration change that traffic alone cannot show (a DestinationRule's
// outlier settings, say). istiod pushes every change of a debounce window together, so a change written after it
// is in the same push or a later one: write a marker ServiceEntry for a host nobody uses, wait until a request to
// that host is no longer an unknown host, and every earlier write of that cluster has reached its sidecars.
import type { KubeObject } from "../../apiserver/types";
import { applyObject, deleteObject, type StoreLab } from "./lab-store";
import { pollUntil } from "./poll";
import type { TrafficSource } from "./traffic";

let markers = 0;

function markerEntry(host: string): KubeObject {
  return {
    apiVersion: "networking.istio.io/v1",
    kind: "ServiceEntry",
    metadata: { name: host.replaceAll(".", "-"), namespace: "default" },
    // No endpoints: once pushed, a request gets "no healthy upstream" instead of a failed lookup.
    spec: { hosts: [host], location: "MESH_INTERNAL", resolution: "STATIC", ports: [{ number: 80, name: "http", protocol: "HTTP" }], endpoints: [] },
  };
}

/** Resolves once every change written to `cluster` before the call has been pushed to its sidecars. */
export async function untilPushed(lab: StoreLab & { dataPlane: TrafficSource }, cluster: string, timeoutMs = 15_000): Promise<void> {
  const host = `marker-${++markers}.push-barrier.lab`;
  const entry = markerEntry(host);
  applyObject(lab, cluster, entry);
  try {
    await pollUntil(`a push to ${cluster} carrying ${host}`, async () => {
      const [r] = await lab.dataPlane.request(cluster, { url: `http://${host}/`, namespace: "default", count: 1, workload: "push-barrier" });
      return r && !(r.error ?? "").includes("ENOTFOUND") ? true : undefined;
    }, { timeoutMs });
  } finally {
    deleteObject(lab, cluster, entry);
  }
}
