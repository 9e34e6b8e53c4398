import type { KubeConfig } from "@kubernetes/client-node";
import type { InternTable } from "@/lib/fleet/intern-strings";
import type { RecordTable } from "@/lib/fleet/shared-records";
import type { CachedObject, FleetKind } from "@/lib/fleet/snapshot-types";
import { backoffDelay, pause, type Backoff } from "./backoff";
import { toClusterError, type ClusterError } from "./cluster-error";
import { isKubeHttpError, KubeHttpError } from "./kube-http";
import { listAll } from "./kube-list";
import { watchOnce, type WatchEvent } from "./kube-watch";
import { collectionPath, groupVersion, KIND_API } from "./kinds";
import { projectMetadata } from "./project-metadata";
import { slimObject } from "./slim";

/** Where an informer delivers what it sees. Calls arrive in the order the server sent them. */
export type InformerSink = {
  /** A complete list: the kind's objects are exactly these now. */
  replace: (items: CachedObject[]) => void;
  upsert: (object: CachedObject) => void;
  remove: (object: CachedObject) => void;
  /** Listed and watching (or the kind is not served by this cluster: an empty list). */
  healthy: () => void;
  failed: (error: ClusterError) => void;
};

export type InformerOptions = {
  listTimeoutMs: number;
  watchTimeoutSeconds: number;
  backoff: Backoff;
  /** How long to wait before asking again for a kind the cluster does not serve (404). */
  notServedRetryMs: number;
  /** The fleet's shared parts (slim.ts): one table for every informer of the fleet, so clusters share them. */
  records?: RecordTable;
};

export type Informer = { stop: () => void; done: Promise<void> };

/**
 * List, then watch from the list's resourceVersion, forever: the informer contract of
 * client-go, kept small. A watch that ends normally is resumed from the last
 * resourceVersion seen (events and bookmarks advance it; it is opaque, only echoed back).
 * A 410 Expired — the server no longer has history that old — means relist. Any failure is
 * reported to the sink as a ClusterError and retried with capped, jittered backoff; the
 * sink keeps the last known objects meanwhile (stale, never empty).
 */
export function startInformer(cluster: string, kc: KubeConfig, kind: FleetKind, sink: InformerSink, options: InformerOptions): Informer {
  const controller = new AbortController();
  const signal = controller.signal;
  const api = KIND_API[kind];
  const path = collectionPath(api);
  const apiVersion = groupVersion(api);
  // This informer's shared strings (slim.ts): its objects' equal label values, hosts and addresses are one copy.
  const strings: InternTable = new Map();
  const slim = api.metadataOnly ? (raw: unknown) => projectMetadata(raw, kind, apiVersion) : (raw: unknown) => slimObject(raw, kind, apiVersion, strings, options.records);
  let resourceVersion: string | undefined;
  let failures = 0;

  const onEvent = (event: WatchEvent) => {
    if (event.type === "ERROR") {
      if (event.code === 410) resourceVersion = undefined;
      else throw new KubeHttpError(event.code, { reason: event.reason });
      return;
    }
    const object = slim(event.object);
    if (!object) return;
    if (object.metadata.resourceVersion) resourceVersion = object.metadata.resourceVersion;
    if (event.type === "ADDED" || event.type === "MODIFIED") sink.upsert(object);
    else if (event.type === "DELETED") sink.remove(object);
  };

  async function cycle(): Promise<void> {
    if (resourceVersion === undefined) {
      const list = await listAll(kc, path, signal, options.listTimeoutMs);
      sink.replace(list.items.map(slim).filter((o): o is CachedObject => o !== undefined));
      resourceVersion = list.resourceVersion;
    }
    const timings = { connectTimeoutMs: options.listTimeoutMs, timeoutSeconds: options.watchTimeoutSeconds };
    await watchOnce(kc, path, resourceVersion, signal, timings, {
      onOpen: () => {
        failures = 0;
        sink.healthy();
      },
      onEvent,
    });
  }

  async function run(): Promise<void> {
    while (!signal.aborted) {
      try {
        await cycle();
      } catch (err) {
        if (signal.aborted) return;
        if (isKubeHttpError(err) && err.code === 404 && resourceVersion === undefined) {
          // The cluster does not serve this kind (its CRD is not installed): nothing to cache.
          sink.replace([]);
          sink.healthy();
          await pause(options.notServedRetryMs, signal);
          continue;
        }
        sink.failed(toClusterError(cluster, err, options.listTimeoutMs));
        await pause(backoffDelay(failures++, options.backoff), signal);
      }
    }
  }

  return { stop: () => controller.abort(), done: run() };
}
