// A console in observe mode (the registry elects no leader and writes nothing) still runs drills, on a Lease of
// its own that exists only once a drill does: here, on the demo lab with no gateways (so no failover target), a
// drill applied with kubectl is picked up, prechecked and Failed with the reason, and nothing was scaled.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { parseEnv } from "@/server/env";
import { DRILL_CRD_MANIFEST } from "@/server/kube/drill-crd-manifest";
import { startRegistryLab, type RegistryLab } from "@/server/registry/test/lab-fixture";
import { startRuntime } from "@/server/runtime";
import { detailsReplicas, drillYaml, untilPhase } from "./test/drill-lab";

let env: RegistryLab;
let runtime: ReturnType<typeof startRuntime> | undefined;

beforeAll(async () => {
  env = await startRegistryLab();
  await env.kubectl("west", ["apply", "-f", "-"], JSON.stringify(DRILL_CRD_MANIFEST));
}, 60_000);

afterAll(async () => {
  await runtime?.stop();
  await env?.stop();
});

const leases = async () => (await env.kubectl("west", ["get", "leases", "-n", "default", "-o", "name"])).trim();

describe("drills with the registry in observe mode", () => {
  it("elect their own leader once a drill exists, and run it", async () => {
    runtime = startRuntime(parseEnv({ KUBECONFIG: env.lab.kubeconfigPath, EASTWEST_PROBE_INTERVAL_MS: "300", EASTWEST_FLUSH_INTERVAL_MS: "50" }, "/nowhere"), () => undefined);
    await runtime.fleet.ready();
    await vi.waitFor(() => expect(runtime?.fleet.snapshots.current().clusters.every((c) => c.state === "synced")).toBe(true), { timeout: 20_000, interval: 100 });
    expect(await leases()).toBe("");
    await env.kubectl("west", ["apply", "-f", "-"], drillYaml("observed", "{ service: details, maxDuration: 60s }"));
    const drill = await untilPhase(env, "observed", ["Succeeded", "Failed", "Aborted"], 40_000);
    expect(drill.status?.phase).toBe("Failed");
    expect(drill.status?.reason ?? "").toMatch(/failover target/);
    expect(await leases()).toBe("lease.coordination.k8s.io/eastwest-drills");
    expect(await detailsReplicas(env)).toEqual({ spec: 1, ready: 1 });
  }, 90_000);
});
