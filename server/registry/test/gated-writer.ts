// A writer for the registry's write-path tests: every write waits until released, and the writes in flight are
// counted (now, and the most at once), so a test sees how many a pass or the fleet had going.
import type { DesiredObject } from "@/lib/plan/desired";
import type { RegistryAction } from "@/lib/registry/types";
import type { ClusterWriter, WriteOutcome } from "@/server/kube/writer";

const object = (name: string): DesiredObject => ({ apiVersion: "networking.istio.io/v1", kind: "ServiceEntry", metadata: { name, namespace: "xcp-multicluster", labels: {}, annotations: {} }, spec: {} });
export const applyActions = (cluster: string, n: number): RegistryAction[] =>
  Array.from({ length: n }, (_, i) => ({ cluster, kind: "ServiceEntry", namespace: "xcp-multicluster", name: `s${i}`, action: "apply", reason: "planned but not present", object: object(`s${i}`) }));

/** A writer whose writes finish only when released, counting the writes in flight across every writer made. */
export function gatedWriter() {
  const pending: Array<() => void> = [];
  const counts = { inFlight: 0, most: 0, done: 0 };
  const writer: ClusterWriter = {
    apply: () => {
      counts.inFlight++;
      counts.most = Math.max(counts.most, counts.inFlight);
      return new Promise<WriteOutcome>((resolve) => pending.push(() => (counts.inFlight--, counts.done++, resolve({ ok: true }))));
    },
    delete: () => Promise.resolve({ ok: true }),
  };
  const releaseAll = async () => {
    // Each release lets a lane start its next write; keep releasing until nothing is left waiting.
    while (pending.length > 0) {
      for (const release of pending.splice(0)) release();
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  return { writer, counts, releaseAll };
}

