// The east-west gateways of one cluster. Every Service the gateway installer made from an IngressGateway and a
// load balancer published (gateway-sources.ts) listens on 15443 of each of its addresses while at least one of its
// pods is a ready endpoint (a cloud load balancer sends nothing to a target that fails its health check, so a
// gateway without ready pods refuses connections). Connections are routed on the SNI, AUTO_PASSTHROUGH style, to
// ready local endpoints of the host (gateway-route.ts, gateway-connection.ts). The gateway records no telemetry:
// Istio's reporters are the client's sidecar (source) and the destination's (destination).
import { X509Certificate } from "node:crypto";
import type { Socket } from "node:net";
import { createInformerFactory } from "../controllers/informer";
import { EAST_WEST_PORT } from "./gateway-admission";
import { gatewayContexts, handleGatewayConnection, type GatewayContexts } from "./gateway-connection";
import { createListenerSet, type ListenerSet } from "./gateway-listeners";
import { createGatewayRouter, type GatewayRouter } from "./gateway-route";
import { createGatewaySources, type GatewaySnapshot } from "./gateway-sources";
import { createConnectionTracker, type ConnectionTracker } from "./gateway-tracker";
import type { ClusterDataPlaneContext, Gateways, GatewayTrafficFault, MeshView, Workloads } from "./types";

interface GatewayState {
  snapshot: GatewaySnapshot;
  fault: GatewayTrafficFault;
  listeners: ListenerSet;
  router: GatewayRouter;
  connections: ConnectionTracker;
  serving?: Promise<GatewayContexts>;
  /** Its Service is gone: a listener sync still in flight must not open anything again. */
  removed: boolean;
  /** Round robin over the ready gateway pods: which pod (and so which pushed config) takes a connection. */
  nextPod: number;
}

/** The serving certificate of a gateway, as istiod's CA would give its workload identity. */
async function servingContext(ctx: ClusterDataPlaneContext, { namespace, name }: GatewaySnapshot): Promise<GatewayContexts> {
  const { certPem, keyPem } = await ctx.ca.issue(`${name}.${namespace}`, {
    dns: [`${name}.${namespace}.svc.cluster.local`, `${name}.${namespace}.svc`],
    uri: [`spiffe://cluster.local/ns/${namespace}/sa/${name}-service-account`],
  });
  return gatewayContexts(certPem, keyPem, ctx.ca.caPem);
}

export interface GatewaysOptions {
  /** istiod's quiet period before it pushes a Gateway change to the gateways (default 100 ms, PILOT_DEBOUNCE_AFTER). */
  debounceMs?: number;
  /**
   * How long a connection whose filter chain a push removed lives on before it is closed (default 45 s, Istio's
   * ProxyConfig drainDuration: Envoy drains the connections of removed filter chains, then closes them).
   */
  drainMs?: number;
}

export const DRAIN_DURATION_MS = 45_000;

/** The gateways, plus `flush()`: push pending Gateway changes now (tests, and callers that just wrote fixtures). */
export interface FlushableGateways extends Gateways {
  flush(): void;
}

export function startGateways(ctx: ClusterDataPlaneContext, deps: { view: MeshView; workloads: Workloads }, options: GatewaysOptions = {}): FlushableGateways {
  const informers = createInformerFactory(ctx.store);
  const sources = createGatewaySources(ctx.store, informers, {
    debounceMs: options.debounceMs,
    addressesByName: (namespace, name) => ctx.addresses.loadBalancerAddresses(ctx.clusterIndex, namespace, name),
  });
  const ca = new X509Certificate(ctx.ca.caPem);
  const states = new Map<string, GatewayState>();
  let stopped = false;

  const wanted = (state: GatewayState): string[] =>
    !stopped && !state.removed && state.snapshot.readyPods.length > 0 && state.fault.mode !== "stop" ? state.snapshot.addresses : [];

  const apply = (state: GatewayState, key: string): void => {
    const open = async (): Promise<void> => {
      if (wanted(state).length > 0) {
        state.serving ??= servingContext(ctx, state.snapshot);
        await state.serving;
      }
      await state.listeners.sync(wanted(state));
      for (const address of state.listeners.addresses()) reported.delete(`${key} ${address}`);
    };
    open().catch((error: unknown) => {
      state.serving = undefined; // a failed issue is tried again at the next change
      console.error(`lab: ${ctx.cluster} gateway ${key}: ${error instanceof Error ? error.message : String(error)}`);
    });
  };

  // A listen failure (an address another process holds) is retried at every change of the gateway; it is logged
  // once until the address is listened on again.
  const reported = new Set<string>();
  const reportError = (key: string) => (address: string, error: Error): void => {
    if (reported.has(`${key} ${address}`)) return;
    reported.add(`${key} ${address}`);
    console.error(`lab: ${ctx.cluster} gateway ${key} cannot listen on ${address}:${EAST_WEST_PORT}: ${error.message}`);
  };

  const accept = (state: GatewayState, socket: Socket): void => {
    // Accepted in the moment a listener was closing: nothing may outlive stop() or the gateway's removal.
    if (stopped || state.removed) return void socket.destroy();
    const connection = state.connections.track(socket);
    const serving = state.serving;
    if (!serving) return void socket.resetAndDestroy();
    const route = (sni: string): Promise<Socket | undefined> => {
      connection.sni = sni;
      connection.pod = pickPod(state);
      return state.router.route(sni, connection.pod, state.fault);
    };
    void serving.then((contexts) => handleGatewayConnection(socket, { ca, contexts, route }));
  };

  const create = (key: string, snapshot: GatewaySnapshot): GatewayState => {
    const state: GatewayState = {
      snapshot,
      fault: { mode: "none" },
      router: createGatewayRouter({ sources, view: deps.view, workloads: deps.workloads, podAddress: (ip) => ctx.addresses.podAddress(ctx.clusterIndex, ip) }),
      connections: createConnectionTracker(),
      removed: false,
      nextPod: 0,
      listeners: createListenerSet(EAST_WEST_PORT, (socket) => accept(state, socket), reportError(key)),
    };
    return state;
  };

  const pickPod = (state: GatewayState): string | undefined => {
    const pods = state.snapshot.readyPods;
    if (pods.length === 0) return undefined;
    state.nextPod = (state.nextPod + 1) % pods.length;
    return pods[state.nextPod];
  };

  const refresh = (key: string): void => {
    if (stopped) return;
    const slash = key.indexOf("/");
    const snapshot = sources.snapshot(key.slice(0, slash), key.slice(slash + 1));
    let state = states.get(key);
    if (!snapshot) {
      if (!state) return;
      // The Service is gone (or no longer a gateway): its load balancer goes with it, and its connections.
      states.delete(key);
      state.removed = true;
      state.connections.destroyAll();
      void state.listeners.close();
      return;
    }
    if (state) state.snapshot = snapshot;
    else states.set(key, (state = create(key, snapshot)));
    apply(state, key);
  };

  sources.watch(refresh);
  sources.onPush(() => {
    // After a push, the connections whose SNI the gateway pod no longer has a chain for are drained.
    for (const state of states.values()) state.connections.drainRemoved(state.router.admits, options.drainMs ?? DRAIN_DURATION_MS);
  });

  return {
    flush: () => sources.flush(),
    setFault(namespace, gateway, fault) {
      const state = states.get(`${namespace}/${gateway}`);
      if (!state) return false;
      state.fault = fault;
      // A stopped gateway's Envoy is gone: its listeners close and the connections it carried break.
      if (fault.mode === "stop") state.connections.destroyAll();
      apply(state, `${namespace}/${gateway}`);
      return true;
    },
    async stop() {
      stopped = true;
      sources.stop();
      informers.stop();
      const all = [...states.values()];
      states.clear();
      for (const state of all) state.connections.destroyAll();
      await Promise.all(all.map((state) => state.listeners.close()));
    },
  };
}
