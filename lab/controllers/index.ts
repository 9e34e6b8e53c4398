// Starts every controller of one simulated cluster against its store.
import type { ClusterStore } from "../apiserver/types";
import { createClusterAllocators } from "./allocators";
import { resolveKinds, type Controller, type ControllerContext, type ControllerOptions } from "./context";
import { startDeploymentController } from "./deployment-controller";
import { startEndpointsController } from "./endpoints-controller";
import { startGarbageCollector } from "./garbage-collector";
import { startGatewayInstaller } from "./gateway-installer";
import { startReplicaSetController } from "./replicaset-controller";
import { createInformerFactory } from "./informer";
import { startKubelet } from "./kubelet";
import type { PodFaultMode } from "./pod-faults";
import { startRootCaPublisher } from "./root-ca-publisher";
import { startScheduler } from "./scheduler";
import { startServiceController } from "./service-controller";
import { startSystemNamespaces } from "./system-namespaces";

export type { ControllerOptions } from "./context";
export type { PodFaultMode } from "./pod-faults";
export { createLogProvider } from "./log-provider";
export { loadBalancerAddresses } from "./load-balancer";

export interface ControllerSet {
  /** True when no controller has queued or scheduled work (the cluster has converged). */
  idle(): boolean;
  /** Fails, stops or heals one pod (see pod-faults.ts); false when the pod does not exist. */
  setPodFault(namespace: string, pod: string, mode: PodFaultMode): boolean;
  /** Resolves once idle() has held for two consecutive checks; rejects after timeoutMs. */
  waitForIdle(timeoutMs?: number): Promise<void>;
  stop(): void;
}

export function startControllers(store: ClusterStore, options: ControllerOptions = {}): ControllerSet {
  const ctx: ControllerContext = {
    store,
    informers: createInformerFactory(store),
    allocators: createClusterAllocators(),
    nodeName: `${store.cluster}-node-1`,
    podReadyDelayMs: options.podReadyDelayMs ?? 300,
    loadBalancerAddresses: options.loadBalancerAddresses,
    booting: true,
    kinds: resolveKinds(store),
  };
  const kubelet = startKubelet(ctx, { terminationDelayMs: options.podTerminationDelayMs });
  const controllers: Controller[] = [
    startServiceController(ctx),
    startDeploymentController(ctx),
    startReplicaSetController(ctx),
    startScheduler(ctx),
    kubelet,
    startGatewayInstaller(ctx),
    startGarbageCollector(ctx),
    startRootCaPublisher(ctx),
    startSystemNamespaces(ctx),
  ];
  let stopped = false;
  const idle = (): boolean => !ctx.booting && controllers.every((c) => c.idle());
  // Boot: the endpoints controller starts once the seeded workloads have settled, so each Service's Endpoints
  // and EndpointSlice are written once with the pods already Running (a restarted controller-manager also
  // starts from a full cache). Afterwards every controller just follows events.
  const boot = setInterval(() => {
    if (stopped || !controllers.every((c) => c.idle())) return;
    clearInterval(boot);
    controllers.push(startEndpointsController(ctx));
    ctx.booting = false;
  }, 5);
  return {
    idle,
    setPodFault: kubelet.setPodFault,
    waitForIdle(timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      return new Promise((resolve, reject) => {
        let streak = 0;
        const check = (): void => {
          streak = idle() ? streak + 1 : 0;
          if (streak >= 2) return resolve();
          if (Date.now() > deadline) return reject(new Error(`lab: ${store.cluster} controllers did not settle in ${timeoutMs} ms`));
          setTimeout(check, 10);
        };
        check();
      });
    },
    stop() {
      stopped = true;
      clearInterval(boot);
      for (const c of controllers) c.stop();
      ctx.informers.stop();
    },
  };
}
