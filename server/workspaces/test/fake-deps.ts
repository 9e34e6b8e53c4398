// Test support: a small fleet snapshot (west = management with the bookinfo-ws workspace, east synced, north
// stale), deps whose fleet model digests it (test-model.ts), and a fake console writer that records every call
// and can hold applies open to test coalescing.
import { vi } from "vitest";
import { clusterSnapshot, obj } from "@/lib/fleet/snapshot-fixtures";
import type { CachedObject, FleetSnapshot } from "@/lib/fleet/snapshot-types";
import type { Manifest } from "@/lib/manifests/manifest";
import type { ApplyOutcome, GetOutcome, ListOutcome, LiveObject, RemoveOutcome } from "@/server/kube/console-outcome";
import type { ConsoleWriter } from "@/server/kube/console-writer";
import type { WorkspaceDeps } from "../deps";
import { createInFlight } from "../in-flight";
import { testModel } from "./test-model";

const svc = (name: string, ns = "bookinfo") =>
  obj("Service", name, { namespace: ns, labels: { app: name }, spec: { selector: { app: name }, ports: [{ name: "http", port: 9080, protocol: "TCP" }] } });

export function demoSnapshot(extra: { west?: CachedObject[]; east?: CachedObject[] } = {}): FleetSnapshot {
  const base = obj("Workspace", "bookinfo-ws", { namespace: "bookinfo", spec: { namespaceSelector: { names: ["*/bookinfo"] } } });
  const workspace = { ...base, metadata: { ...base.metadata, annotations: { "tsb.tetrate.io/organization": "tetrate", "tsb.tetrate.io/tenant": "tenant1" } } };
  const setting = obj("WorkspaceSetting", "bookinfo-ws-setting", { namespace: "bookinfo", spec: { workspace: "bookinfo-ws", defaultEastWestGatewaySettings: { workloadSelector: { app: "eastwest-gateway" } } } });
  const ns = (n: string) => obj("Namespace", n);
  return {
    revision: 1,
    at: "2026-01-10T12:00:00.000Z",
    managementCluster: "west",
    clusters: [
      clusterSnapshot("west", [ns("bookinfo"), ns("other"), workspace, setting, svc("details"), svc("reviews"), svc("lonely", "other"), ...(extra.west ?? [])], { management: true }),
      clusterSnapshot("east", [ns("bookinfo"), svc("details"), ...(extra.east ?? [])]),
      clusterSnapshot("north", [ns("bookinfo")], { state: "stale", staleSince: "2026-01-10T11:00:00.000Z" }),
    ],
  };
}

export type FakeWriter = ConsoleWriter & { calls: string[]; release: () => void };

/** `hold`: applies wait until release() (to test concurrent calls). `live`: what get() returns. */
export function fakeWriter(cluster: string, options: { hold?: boolean; live?: LiveObject; listed?: LiveObject[] } = {}): FakeWriter {
  const calls: string[] = [];
  let open: () => void = () => undefined;
  const gate = options.hold ? new Promise<void>((resolve) => (open = resolve)) : Promise.resolve();
  return {
    cluster,
    calls,
    release: () => open(),
    get: vi.fn(async (): Promise<GetOutcome> => {
      calls.push("get");
      return { ok: true, object: options.live };
    }),
    apply: vi.fn(async (manifest: Manifest, { dryRun }: { dryRun: boolean }): Promise<ApplyOutcome> => {
      calls.push(dryRun ? "dry-run" : "apply");
      await gate;
      return { ok: true, object: { ...manifest, metadata: { ...manifest.metadata, uid: "u1", resourceVersion: "1" } } };
    }),
    remove: vi.fn(async (): Promise<RemoveOutcome> => {
      calls.push("remove");
      return { ok: true };
    }),
    list: vi.fn(async (): Promise<ListOutcome> => {
      calls.push("list");
      return { ok: true, objects: options.listed ?? [] };
    }),
  };
}

export function fakeDeps(snapshot: FleetSnapshot, writers: Record<string, ConsoleWriter> = {}, form: "seed" | "tsb" = "seed"): WorkspaceDeps & { writerFor: ReturnType<typeof vi.fn> } {
  return {
    model: testModel(snapshot).model,
    writerFor: vi.fn((cluster: string) => writers[cluster]),
    settingsApi: async () => ({ form, served: true }),
    inFlight: createInFlight(),
  };
}
