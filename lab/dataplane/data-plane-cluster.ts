// One cluster's data plane, wired as a node of a mesh is: its metrics (what every proxy reports), its view of the
// mesh from its own store, the sidecar client, the pods that answer, the east-west gateways and the probe pods.
// Workloads need the client (productpage calls details through it) and the client needs the workloads (to wake a
// lazily started pod before dialling it), so workloads get the client through a getter that is set right after.
import type { ClusterStore } from "../apiserver/types";
import type { AddressPlan } from "./address-plan";
import { startGateways } from "./gateways";
import { createMeshClient } from "./mesh-client";
import { createMeshView } from "./mesh-view";
import { startMetricsServer } from "./metrics-server";
import { startProbePods } from "./probe-pods";
import { createTelemetry } from "./telemetry";
import type { ClusterDataPlaneContext, Gateways, LabCa, MeshClient, Workloads } from "./types";
import { startWorkloads } from "./workloads";

export interface ClusterDataPlane {
  name: string;
  client: MeshClient;
  workloads: Workloads;
  gateways: Gateways;
  metricsUrl: string;
  stop(): Promise<void>;
}

export interface ClusterDataPlaneOptions {
  addresses: AddressPlan;
  ca: LabCa;
  lazy: boolean;
  host: string;
}

type Stopper = () => void | Promise<void>;

/** Runs the stoppers in order, each even when an earlier one failed; rethrows the first failure. */
async function runStoppers(stoppers: Stopper[]): Promise<void> {
  const failures: unknown[] = [];
  for (const stop of stoppers) await Promise.resolve().then(stop).catch((error: unknown) => void failures.push(error));
  if (failures.length > 0) throw failures[0];
}

export async function startClusterDataPlane(cluster: { name: string; store: ClusterStore }, clusterIndex: number, options: ClusterDataPlaneOptions): Promise<ClusterDataPlane> {
  // Stopped in the reverse order of starting: callers (probes) first, then what answers them, then the view they
  // all read, then the metrics they report to.
  const stoppers: Stopper[] = [];
  try {
    const telemetry = createTelemetry(cluster.name);
    const metrics = await startMetricsServer(telemetry, options.host);
    stoppers.unshift(() => metrics.close());
    const ctx: ClusterDataPlaneContext = { cluster: cluster.name, clusterIndex, addresses: options.addresses, store: cluster.store, ca: options.ca, telemetry };
    const view = createMeshView(ctx);
    stoppers.unshift(() => view.stop());
    const made: { client?: MeshClient } = {};
    const mesh = (): MeshClient => {
      if (!made.client) throw new Error(`lab: ${cluster.name}'s mesh client is not made yet`);
      return made.client;
    };
    const workloads = startWorkloads(ctx, { mesh, lazy: options.lazy });
    stoppers.unshift(() => workloads.stop());
    const meshClient = createMeshClient(ctx, { view, workloads });
    made.client = meshClient;
    const gateways = startGateways(ctx, { view, workloads });
    stoppers.unshift(() => gateways.stop());
    const probes = startProbePods(ctx, { mesh: meshClient });
    stoppers.unshift(() => probes.stop());
    return { name: cluster.name, client: meshClient, workloads, gateways, metricsUrl: metrics.url, stop: () => runStoppers(stoppers) };
  } catch (error) {
    await runStoppers(stoppers).catch(() => undefined);
    throw error;
  }
}
