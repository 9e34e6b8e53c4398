// GET /healthz: the liveness probe (server/health/probes.ts). proxy.ts lets GET /healthz and /readyz through without
// the Host check or sign-in: the kubelet calls them by the pod's IP, which is no allowed Host, and has no session.
import { livenessAnswer, probeResponse } from "@/server/health/probes";

export const dynamic = "force-dynamic";

export function GET(): Response {
  return probeResponse(livenessAnswer());
}
