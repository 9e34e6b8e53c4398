// Event-loop delay while the largest allowed request is validated, through the real tRPC handler (body reader,
// JSON, superjson, zod, the workspace's checks, the error formatter). A 10,000-FQDN exposure list of 90-character
// names (~0.9 MB, just under the 1 MiB cap) is sent N times in a row against a 10,000-service workspace:
//   invalid: every FQDN names a service nobody runs → 400 after the full check of all 10,000 entries;
//   valid:   every FQDN exists → the request passes validation (timed via checkExposureRequest alone, since the
//            handler would go on to the preview's planner and YAML, which are not validation).
// monitorEventLoopDelay (resolution 10 ms) runs throughout; p99 and max are what a probe or an SSE client feels.
// Run: npx tsx --conditions=react-server scripts/bench/validation-delay.ts [rounds] (the server modules import
// "server-only", which resolves to an empty module only under the react-server condition, as in Next)
import { monitorEventLoopDelay } from "node:perf_hooks";
import superjson from "superjson";
import { clusterSnapshot, obj } from "../../lib/fleet/snapshot-fixtures";
import type { FleetSnapshot } from "../../lib/fleet/snapshot-types";
import { MAX_BODY_BYTES, MAX_SERVICES } from "../../lib/validation/limits";
import { createFleetFeed } from "../../server/fleet/feed";
import type { FleetService } from "../../server/fleet/service";
import { createStreamSlots } from "../../server/http/stream-slots";
import { createTrpcHandler } from "../../server/http/trpc-handler";
import { appRouter } from "../../server/routers/app-router";
import { checkExposureRequest } from "../../server/workspaces/exposure-request";
import { stateOf } from "../../server/workspaces/fleet-input";
import { createInFlight } from "../../server/workspaces/in-flight";
import { testModel } from "../../server/workspaces/test/test-model";
import { ms, percentile, printTable, type Row } from "./figures";

const rounds = Number(process.argv[2] ?? 20);
const name = (i: number, prefix: string) => `${prefix}-${String(i).padStart(5, "0")}-${"x".repeat(54 - prefix.length)}`;
const fqdn = (i: number, prefix: string) => `${name(i, prefix)}.bookinfo.svc.cluster.local`;

function snapshot(): FleetSnapshot {
  const services = Array.from({ length: MAX_SERVICES }, (_, i) =>
    obj("Service", name(i, "svc"), { namespace: "bookinfo", labels: { app: name(i, "svc") }, spec: { selector: { app: name(i, "svc") }, ports: [{ name: "http", port: 9080, protocol: "TCP" }] } }),
  );
  const workspace = obj("Workspace", "bookinfo-ws", { namespace: "bookinfo", spec: { namespaceSelector: { names: ["*/bookinfo"] } } });
  return { revision: 1, at: new Date().toISOString(), managementCluster: "west", clusters: [clusterSnapshot("west", [obj("Namespace", "bookinfo"), workspace, ...services], { management: true })] };
}

const snap = snapshot();
const fleet: FleetService = {
  feed: createFleetFeed({ epoch: "bench" }),
  ready: async () => undefined,
  view: () => ({ kind: "ready", sources: [], managementCluster: "west", clusters: [] }),
  snapshots: { current: () => snap, subscribe: () => () => undefined },
  recheck: async () => {
    throw new Error("not used");
  },
  handle: () => undefined,
};
const handle = createTrpcHandler({ router: appRouter, slots: createStreamSlots({ perClient: 8, total: 8 }), createContext: () => ({ fleet }) });
const body = (prefix: string) => JSON.stringify(superjson.serialize({ workspace: "bookinfo-ws", exposure: { mode: "selected", services: Array.from({ length: MAX_SERVICES }, (_, i) => fqdn(i, prefix)) } }));
const request = (text: string) => new Request("http://127.0.0.1/api/trpc/workspace.exposurePreview", { method: "POST", headers: { "content-type": "application/json" }, body: text });

async function measure(run: () => Promise<void>): Promise<{ times: number[]; p99: number; max: number }> {
  await run(); // warm-up: JIT and the per-snapshot planner input are not a request's cost
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  // The monitor's timer must be running before the work starts: a block right after enable() goes unseen.
  await new Promise((resolve) => setTimeout(resolve, 30));
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
    // Between requests the loop turns, as it would between clients, so each request's block is sampled apart.
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
  await new Promise((resolve) => setTimeout(resolve, 20));
  delay.disable();
  return { times, p99: delay.percentile(99) / 1e6, max: delay.max / 1e6 };
}

const invalidBody = body("nope");
const invalid = await measure(async () => {
  const res = await handle(request(invalidBody));
  if (res.status !== 400) throw new Error(`expected 400, got ${res.status}`);
  await res.text();
});
const { model } = testModel(snap);
const deps = { model, writerFor: () => undefined, settingsApi: async () => ({ form: "seed" as const, served: true }), inFlight: createInFlight() };
const validInput = { workspace: "bookinfo-ws", exposure: { mode: "selected" as const, services: Array.from({ length: MAX_SERVICES }, (_, i) => fqdn(i, "svc")) } };
const valid = await measure(async () => {
  await checkExposureRequest(deps, await stateOf(deps), validInput);
});

const rows: Row[] = [
  { figure: "request body (10,000 FQDNs)", value: `${invalidBody.length.toLocaleString("en-US")} B`, note: `cap ${MAX_BODY_BYTES.toLocaleString("en-US")} B` },
  { figure: "invalid: handler → 400, p50", value: ms(percentile(invalid.times, 50)) },
  { figure: "invalid: handler → 400, max", value: ms(Math.max(...invalid.times)) },
  { figure: "invalid: event-loop delay p99", value: ms(invalid.p99) },
  { figure: "invalid: event-loop delay max", value: ms(invalid.max) },
  { figure: "valid: validation, p50", value: ms(percentile(valid.times, 50)) },
  { figure: "valid: validation, max", value: ms(Math.max(...valid.times)) },
  { figure: "valid: event-loop delay p99", value: ms(valid.p99) },
  { figure: "valid: event-loop delay max", value: ms(valid.max) },
];
printTable(`Validation of the largest allowed request (${rounds} rounds each, 10,000-service workspace)`, rows);
