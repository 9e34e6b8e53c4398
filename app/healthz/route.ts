// GET /healthz: the liveness probe (server/health/probes.ts). Outside proxy.ts's matcher: the kubelet calls it by
// the pod's IP, which is no allowed Host, and without a session.
import { livenessAnswer, probeResponse } from "@/server/health/probes";

export const dynamic = "force-dynamic";

export function GET(): Response {
  return probeResponse(livenessAnswer());
}
