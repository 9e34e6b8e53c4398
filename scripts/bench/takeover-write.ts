// Leader takeover measured as issue #16 asks: from the leader's crash to the new leader's first write. Two
// electors with the production timings on one Lease in the management cluster: the leader's here, and the
// standby's in a replica of its own (takeover-standby.ts: its own cache, model, planner worker and registry, as a
// second pod has). The leader crashes (stops renewing without releasing, as a killed pod), and at that moment a new
// Service appears in a remote cluster: the standby must wait out the lease, take it, and write the new Service's
// ServiceEntries. Times are wall-clock milliseconds, read on one machine by both processes.
import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import type { ClusterHandle } from "@/server/kube/kubeconfig";
import { createLeaseClient } from "@/server/kube/lease-client";
import { startLeaderElection, type LeaderElector } from "@/server/registry/leader-election";
import { labRequest, serviceManifest } from "../bench-registry-steps";
import { startUntil } from "../processes";

const LEASE = "eastwest-registry-takeover-bench";

function leading(e: LeaderElector, timeoutMs: number): Promise<void> {
  if (e.isLeader()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${e.identity} did not lead within ${timeoutMs} ms`)), timeoutMs);
    const off = e.onChange((now) => {
      if (!now) return;
      clearTimeout(timer);
      off();
      resolve();
    });
  });
}

/** The epoch milliseconds of the standby's first `standby <event> <ms>` line. */
function standbyEvent(child: ChildProcess, event: "leads" | "wrote", timeoutMs: number): Promise<number> {
  const pattern = new RegExp(`standby ${event} (\\d+)`);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the standby did not say "${event}" within ${timeoutMs} ms`)), timeoutMs);
    let seen = "";
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const match = pattern.exec(seen);
      if (!match) return;
      clearTimeout(timer);
      child.stdout?.off("data", onData);
      resolve(Number(match[1]));
    };
    child.stdout?.on("data", onData);
  });
}

export type TakeoverWrite = { crashToLeaderMs: number; crashToFirstWriteMs: number };

export async function measureTakeoverToWrite(kubeconfig: string, handles: ClusterHandle[], namespace: string): Promise<TakeoverWrite> {
  const [management, target] = handles;
  if (!management || !target) throw new Error("need at least 2 clusters");
  const leader = startLeaderElection({ lease: createLeaseClient(management, { namespace: "default", name: LEASE }, 5_000), identity: "bench-leader" });
  await leading(leader, 30_000);
  const args = ["--conditions=react-server", "scripts/bench/takeover-standby.ts", kubeconfig, management.name, namespace, String(handles.length), LEASE];
  const standby = await startUntil("node_modules/.bin/tsx", args, /standby ready/, { prefix: "[standby] ", timeoutMs: 20 * 60_000 });
  try {
    // The standby has synced, planned and found nothing to write (converged); the leader dies as the fleet changes.
    const led = standbyEvent(standby, "leads", 60_000);
    const wrote = standbyEvent(standby, "wrote", 120_000);
    await leader.stop();
    const crashedAt = Date.now();
    await labRequest(target, "POST", `/api/v1/namespaces/${namespace}/services`, serviceManifest(`takeover-${crashedAt}`, namespace));
    const [ledAt, wroteAt] = await Promise.all([led, wrote]);
    return { crashToLeaderMs: ledAt - crashedAt, crashToFirstWriteMs: wroteAt - crashedAt };
  } finally {
    if (standby.exitCode === null && standby.signalCode === null) {
      const exited = once(standby, "exit");
      standby.kill("SIGTERM");
      await exited;
    }
  }
}
