// GET /readyz: the readiness probe (server/health/probes.ts): ready once the fleet's first look at every cluster
// has finished. Outside proxy.ts's matcher, like /healthz.
import { hasSettled, probeResponse, readinessAnswer } from "@/server/health/probes";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  return probeResponse(readinessAnswer(await hasSettled(getRuntime().fleet.ready())));
}
