// GET /readyz: the readiness probe (server/health/probes.ts): ready once the fleet's first look at every cluster
// has finished. proxy.ts lets it through without the Host check or sign-in, like /healthz.
import { hasSettled, probeResponse, readinessAnswer } from "@/server/health/probes";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  return probeResponse(readinessAnswer(await hasSettled(getRuntime().fleet.ready())));
}
