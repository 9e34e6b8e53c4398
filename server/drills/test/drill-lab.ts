// Test-only support for the drills' integration tests (imported by *.int.test.ts only; it starts the lab): the demo
// lab after the seed's steps (gateways everywhere, details and reviews exposed), and helpers reading what kubectl
// sees of details-v1 and of a drill.
import { expect, vi } from "vitest";
import { parseEnv, type ServerEnv } from "@/server/env";
import { exposeWithGateways, startRegistryLab, type RegistryLab } from "@/server/registry/test/lab-fixture";

export type DrillLab = RegistryLab & { settings: ServerEnv };

/** The console's settings on this lab, as `npm run demo` runs it (standalone registry, loopback gateway addresses). */
export function labSettings(kubeconfigPath: string): ServerEnv {
  return parseEnv(
    { KUBECONFIG: kubeconfigPath, EASTWEST_REGISTRY_MODE: "standalone", EASTWEST_ALLOW_LOOPBACK_GATEWAY_ADDRESSES: "true", EASTWEST_PROBE_INTERVAL_MS: "300", EASTWEST_FLUSH_INTERVAL_MS: "50" },
    "/nowhere",
  );
}

export async function startDrillLab(): Promise<DrillLab> {
  const env = await startRegistryLab();
  await exposeWithGateways(env);
  return { ...env, settings: labSettings(env.lab.kubeconfigPath) };
}

/** details-v1 in west: spec.replicas and status.readyReplicas as kubectl reads them. */
export async function detailsReplicas(env: RegistryLab, cluster = "west"): Promise<{ spec: number; ready: number }> {
  const out = await env.kubectl(cluster, ["get", "deploy", "details-v1", "-n", "bookinfo", "-o", "jsonpath={.spec.replicas} {.status.readyReplicas}"]);
  const [spec, ready] = out.trim().split(" ");
  return { spec: Number(spec), ready: Number(ready || 0) };
}

export type KubectlDrill = { metadata: { name: string; uid?: string }; spec: Record<string, unknown>; status?: { phase?: string; startedAt?: string; verdict?: string; reason?: string; timeToShiftSeconds?: number; failedRequests?: number; timeToRestoreSeconds?: number; servedBy?: Record<string, Record<string, number>>; conditions?: Array<{ type: string; status: string; reason?: string; message?: string }>; undo?: { deployments?: Array<{ name: string; replicas: number }> } } };

export async function drillOf(env: RegistryLab, name: string, cluster = "west"): Promise<KubectlDrill> {
  return JSON.parse(await env.kubectl(cluster, ["get", "failoverdrills.eastwest.dev", name, "-n", "bookinfo", "-o", "json"])) as KubectlDrill;
}

/** Polls kubectl until the drill reaches one of `phases` (a final one, usually). */
export async function untilPhase(env: RegistryLab, name: string, phases: readonly string[], timeoutMs: number): Promise<KubectlDrill> {
  let last: KubectlDrill | undefined;
  await vi.waitFor(
    async () => {
      last = await drillOf(env, name);
      expect(phases, JSON.stringify(last.status ?? {})).toContain(last.status?.phase);
    },
    { timeout: timeoutMs, interval: 250 },
  );
  if (!last) throw new Error("no drill read");
  return last;
}

export const drillYaml = (name: string, spec: string) => `apiVersion: eastwest.dev/v1alpha1
kind: FailoverDrill
metadata: { name: ${name}, namespace: bookinfo }
spec: ${spec}
`;
