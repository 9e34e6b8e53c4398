// One cluster's view of the mesh: what its istiod would push to its sidecars, from its own store only.
// Informers (lab/controllers/informer.ts) follow the kinds that decide routing; their events are applied to the
// index (mesh-index.ts) at istiod's debounced pushes (mesh-debounce.ts: 100 ms after the last change, at most
// 10 s after the first), so a client sees an endpoint change about 100 ms after it is stored, not at once — the
// requests sent in between still go to the old endpoints, as with a real sidecar. The objects present when the
// view is made are applied at once (a proxy's first config is complete). Resolutions are cached until the next
// push, so steady traffic costs one map lookup per request.
import type { ResourceType, StoredEvent } from "../apiserver/types";
import { createInformerFactory } from "../controllers/informer";
import { createPushDebouncer, DEBOUNCE_AFTER_MS } from "./mesh-debounce";
import { MeshIndex, type IndexedKind } from "./mesh-index";
import { localPodEndpoints, resolveHost } from "./mesh-resolve";
import type { ClusterPlace } from "./mesh-topology";
import type { ClusterDataPlaneContext, MeshEndpoint, MeshView, Resolution } from "./types";

const WATCHED: Array<[IndexedKind, string]> = [
  ["Service", ""],
  ["EndpointSlice", "discovery.k8s.io"],
  ["WorkloadEntry", "networking.istio.io"],
  ["ServiceEntry", "networking.istio.io"],
  ["DestinationRule", "networking.istio.io"],
  ["Node", ""],
  ["Pod", ""],
  ["Namespace", ""],
];

export interface MeshViewOptions {
  /** istiod's quiet period before a push (default 100 ms, PILOT_DEBOUNCE_AFTER). */
  debounceMs?: number;
}

/** The view, plus `flush()`: push pending changes now (tests, and callers that just wrote fixtures). */
export interface FlushableMeshView extends MeshView {
  flush(): void;
}

export function createMeshView(ctx: ClusterDataPlaneContext, options: MeshViewOptions = {}): FlushableMeshView {
  const index = new MeshIndex();
  const place: ClusterPlace = { cluster: ctx.cluster, clusterIndex: ctx.clusterIndex, podAddress: (i, ip) => ctx.addresses.podAddress(i, ip) };
  const informers = createInformerFactory(ctx.store);
  const resolutions = new Map<string, Resolution>();
  const locals = new Map<string, MeshEndpoint[]>();
  let pending: Array<[IndexedKind, StoredEvent]> = [];
  let booting = true;

  const debouncer = createPushDebouncer(() => {
    const batch = pending;
    pending = [];
    for (const [kind, event] of batch) index.apply(kind, event);
    resolutions.clear();
    locals.clear();
  }, options.debounceMs ?? DEBOUNCE_AFTER_MS);

  for (const [kind, group] of WATCHED) {
    const type: ResourceType | undefined = ctx.store.types.byKind(group, kind);
    if (!type) continue; // a registry without Istio's kinds simply has no entries or rules
    informers.for(type).addHandler((event) => {
      if (booting) return index.apply(kind, event);
      pending.push([kind, event]);
      debouncer.changed();
    });
  }
  booting = false;

  return {
    resolve(host, port) {
      const key = `${host}:${port}`;
      let resolution = resolutions.get(key);
      if (!resolution) resolutions.set(key, (resolution = resolveHost(index, place, host, port)));
      return resolution;
    },
    localEndpoints(fqdn, port) {
      const key = `${fqdn}:${port}`;
      let endpoints = locals.get(key);
      if (!endpoints) locals.set(key, (endpoints = localPodEndpoints(index, place, fqdn, port)));
      return endpoints;
    },
    flush: () => debouncer.flush(),
    stop() {
      debouncer.stop();
      informers.stop();
    },
  };
}
