// The FailoverDrill CRD where a drill is started: installed (the bundled manifest, server/kube/drill-crd-manifest.ts)
// when missing, then awaited until the API server serves the type (Established), polling with a deadline.
import { DRILL_CRD_NAME } from "@/lib/drills/schema";
import type { DrillClient } from "@/server/kube/drill-client";
import type { DrillRefusal } from "./types";

const HOW = `kubectl apply -f deploy/crds/${DRILL_CRD_NAME}.yaml`;

export type CrdState = { ok: true; installed: boolean } | { ok: false; refusal: DrillRefusal };

export async function crdState(client: DrillClient, namespace: string): Promise<CrdState> {
  const state = await client.drills.crdInstalled(namespace);
  if (state.ok) return state;
  return { ok: false, refusal: { code: "crd-missing", field: "cluster", message: `Whether ${client.cluster} has the FailoverDrill type cannot be read (${state.message}); install it with: ${HOW}` } };
}

/** Installs the CRD and waits (up to `timeoutMs`) until the cluster serves it. */
export async function installCrd(client: DrillClient, namespace: string, timeoutMs: number, pollMs = 200): Promise<{ ok: true } | { ok: false; refusal: DrillRefusal }> {
  const applied = await client.drills.installCrd();
  if (!applied.ok) {
    const code = applied.kind === "rejected" && applied.status === 403 ? "forbidden" : "crd-missing";
    return { ok: false, refusal: { code, field: "cluster", message: `The console could not install the FailoverDrill type in ${client.cluster} (${applied.message}); install it with: ${HOW}` } };
  }
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await client.drills.crdInstalled(namespace);
    if (state.ok && state.installed) return { ok: true };
    if (Date.now() >= deadline) break;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  return { ok: false, refusal: { code: "crd-missing", field: "cluster", message: `${client.cluster} has not started serving FailoverDrill within ${timeoutMs / 1000} s of its CRD being applied; try again.` } };
}
