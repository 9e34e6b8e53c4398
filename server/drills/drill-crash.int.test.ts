// Crash safety (issue 13): the console runs in a child process (scripts/drill-runtime.ts), is killed with SIGKILL
// while a drill on details in west is Observing (details-v1 at 0), and a new console process is started. The new
// one takes the registry's Lease once the dead one's expires (15 s), resumes the drill from its status and
// restores details-v1 — within the drill's maximum duration. Prints how long after the SIGKILL the fault was undone.
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { detailsReplicas, drillOf, drillYaml, startDrillLab, untilPhase, type DrillLab } from "./test/drill-lab";
import { DRILL_CRD_MANIFEST } from "@/server/kube/drill-crd-manifest";

let env: DrillLab;
const children: ChildProcess[] = [];

/** A console process on the lab; resolves once it says its fleet is read. */
function startConsole(name: string, output: string[]): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/drill-runtime.ts"], {
    env: { ...process.env, KUBECONFIG: env.lab.kubeconfigPath, EASTWEST_REGISTRY_MODE: "standalone", EASTWEST_ALLOW_LOOPBACK_GATEWAY_ADDRESSES: "true", EASTWEST_PROBE_INTERVAL_MS: "300", EASTWEST_FLUSH_INTERVAL_MS: "50" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
      for (const line of chunk.split("\n").filter(Boolean)) output.push(`${name}: ${line}`);
      if (chunk.includes("drill-runtime: ready")) resolve(child);
    });
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => output.push(`${name} (stderr): ${chunk.trim()}`));
    child.once("exit", (code, signal) => reject(new Error(`${name} exited (${code ?? signal}) before it was ready:\n${output.join("\n")}`)));
  });
}

beforeAll(async () => {
  env = await startDrillLab();
  await env.kubectl("west", ["apply", "-f", "-"], JSON.stringify(DRILL_CRD_MANIFEST));
}, 90_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await env?.stop();
});

describe("a console killed mid-drill", () => {
  it("leaves details-v1 restored by the next console, within the maximum duration", async () => {
    const output: string[] = [];
    const first = await startConsole("first", output);
    // The registry (of that console) has written west's shadow WorkloadEntries for details: failover is in place.
    await vi.waitFor(async () => expect(await env.kubectl("west", ["get", "workloadentries", "-n", "bookinfo", "-o", "name"])).toMatch(/details/), { timeout: 30_000, interval: 200 });
    await env.kubectl("west", ["apply", "-f", "-"], drillYaml("crash", "{ service: details, maxDuration: 75s }"));
    await untilPhase(env, "crash", ["Observing"], 60_000);
    expect((await detailsReplicas(env)).spec).toBe(0);
    first.kill("SIGKILL");
    const killedAt = performance.now();
    await new Promise((resolve) => first.once("exit", resolve));
    const startedAt = Date.parse((await drillOf(env, "crash")).status?.startedAt ?? "");

    await startConsole("second", output);
    await vi.waitFor(async () => expect(await detailsReplicas(env)).toEqual({ spec: 1, ready: 1 }), { timeout: 75_000, interval: 100 });
    const undoneMs = performance.now() - killedAt;
    const drill = await untilPhase(env, "crash", ["Succeeded", "Failed", "Aborted"], 30_000);
    expect(Date.now() - startedAt, "restored within the maximum duration").toBeLessThan(75_000);
    expect(drill.status?.undo?.deployments).toEqual([expect.objectContaining({ name: "details-v1", replicas: 1 })]);
    console.log(`[figures] SIGKILL mid-drill → details-v1 back at 1 after ${(undoneMs / 1000).toFixed(1)} s (the Lease is 15 s); drill ended ${drill.status?.phase} ${drill.status?.verdict ?? ""}: ${drill.status?.reason ?? ""}`);
  }, 180_000);
});
