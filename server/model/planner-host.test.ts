import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { getPriority, tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import type { ClusterInput, PlanInput, ServiceInput } from "@/lib/plan/input";
import { createPlanner } from "@/lib/plan/planner";
import { cluster, eastWestGateway, gatewayService, service, workspace } from "@/lib/plan/test-fixtures";
import { clusterConsequences, lossSentences } from "@/server/workspaces/consequences";
import { serviceReachability } from "@/server/workspaces/service-reachability";
import { createPlannerHost, defaultWorkerFile } from "./planner-host";
import { PLANNER_NICE } from "./planner-protocol";
import type { PlannerHost } from "./types";

// The real worker thread (vitest's global setup builds dist/planner-worker.mjs). The cold plan is a fresh
// createPlanner() on this thread: no memo, identity or object is shared with the worker's planner.
const cold = (input: PlanInput) => JSON.stringify(createPlanner().plan(input));

type Rng = () => number;
const rng = (seed: number): Rng => () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const NAMESPACES = ["ns-a", "ns-b", "ns-c"];
const fqdn = (s: { name: string; namespace: string }) => `${s.name}.${s.namespace}.svc.cluster.local`;

function fleet(clusters: number, services: number): PlanInput {
  const make = (i: number): ClusterInput =>
    cluster(`c${i}`, {
      locality: `region-${i % 2}/zone-${i}`,
      namespaces: [...NAMESPACES, "bookinfo", "xcp-multicluster"],
      services: [...Array.from({ length: services }, (_, s) => service(`svc-${s}`, NAMESPACES[s % 3])), gatewayService()],
      gateways: [eastWestGateway([`10.${i}.0.1`, `10.${i}.0.2`])],
    });
  const ws = workspace(undefined, { namespaceSelector: NAMESPACES.map((n) => `*/${n}`) });
  return { clusters: Array.from({ length: clusters }, (_, i) => make(i)), workspaces: [ws] };
}

/** One random edit; unchanged clusters and services stay the same objects, as the adapter hands them out. */
function edit(r: Rng, input: PlanInput): PlanInput {
  const target = pick(r, input.clusters);
  const swap = (fn: (c: ClusterInput) => ClusterInput): PlanInput => ({ ...input, clusters: input.clusters.map((c) => (c === target ? fn(c) : c)) });
  const services = (fn: (s: ServiceInput[]) => ServiceInput[]) => swap((c) => ({ ...c, services: fn(c.services) }));
  const all = input.clusters.flatMap((c) => c.services).filter((s) => s.name.startsWith("svc"));
  switch (Math.floor(r() * 8)) {
    case 0: return services((s) => [...s, service(`new-${Math.floor(r() * 1000)}`, pick(r, NAMESPACES))]);
    case 1: return services((s) => s.filter((x) => x !== pick(r, s) || !x.name.startsWith("svc")));
    case 2: return services((s) => s.map((x) => (r() < 0.2 ? { ...x, ports: [{ name: "http", port: 8000 + Math.floor(r() * 3), protocol: "TCP" }] } : x)));
    case 3: return swap((c) => ({ ...c, gateways: c.gateways.length > 0 && r() < 0.5 ? [] : [eastWestGateway([`10.9.${Math.floor(r() * 9)}.1`])] }));
    case 4: return swap((c) => ({ ...c, stale: !c.stale }));
    case 5: {
      const exposed = r() < 0.3 ? undefined : all.filter(() => r() < 0.3).map(fqdn);
      return { ...input, workspaces: [workspace(exposed, { namespaceSelector: NAMESPACES.map((n) => `*/${n}`) })] };
    }
    case 6: return swap((c) => ({ ...c, locality: `region-${Math.floor(r() * 3)}/zone` }));
    default: return input;
  }
}

let host: PlannerHost | undefined;
afterEach(async () => {
  await host?.stop();
  host = undefined;
});

describe("createPlannerHost (worker thread)", () => {
  it.each([11, 12, 13])("plans like a cold planner at every step of random edits, and forks too (seed %i)", async (seed) => {
    const r = rng(seed);
    host = createPlannerHost();
    let input = fleet(4, 24);
    for (let step = 0; step < 40; step++) {
      input = edit(r, input);
      const planned = await host.plan(input);
      expect(JSON.stringify(planned), `step ${step}`).toBe(cold(input));
      if (r() < 0.3) {
        const changed = edit(r, edit(r, input));
        const forked = await host.fork(changed);
        expect(forked.before).toBe(planned);
        expect(forked.input).toBe(input);
        expect(JSON.stringify(forked.after), `fork at step ${step}`).toBe(cold(changed));
        // The same fork's comparison, made by the worker (preview-query.ts), equals the one made here from the delta.
        const workspace = changed.workspaces[0]?.name ?? "";
        const registry = await host.preview(changed, { kind: "registry", workspace, foreign: undefined });
        const conditions = forked.delta.conditions.filter((c) => c.workspace === workspace).map((c) => ({ severity: c.severity, message: c.message }));
        expect(registry, `preview at step ${step}`).toEqual({ kind: "registry", consequences: await clusterConsequences(forked.before, forked.delta), reachability: await serviceReachability(forked.before, forked.delta), conditions });
        const lost = pick(r, changed.clusters).name;
        expect(await host.preview(changed, { kind: "loss", lostSource: lost, local: {} }), `loss preview at step ${step}`).toEqual({ kind: "loss", sentences: await lossSentences(forked.before, forked.delta, lost), more: 0 });
      }
    }
  });

  it("sends a cold plan in parts and patches the mirror: an unchanged cluster keeps its array", async () => {
    host = createPlannerHost();
    const input = fleet(3, 60);
    const first = await host.plan(input);
    expect(JSON.stringify(first)).toBe(cold(input));
    const next: PlanInput = { ...input, clusters: input.clusters.map((c, i) => (i === 0 ? { ...c, stale: true } : c)) };
    const second = await host.plan(next);
    expect(JSON.stringify(second)).toBe(cold(next));
    expect(second.clusters.c1).toBe(first.clusters.c1);
  });

  it("runs its thread below the console's: the worker at the planner's nice value, the event loop's thread unchanged", async () => {
    host = createPlannerHost();
    await host.plan(fleet(2, 4));
    // /proc/<pid>/task/<tid>/stat: the 19th field is the thread's nice value (fields counted after the name's ")").
    const nice = (tid: string) => Number(readFileSync(`/proc/self/task/${tid}/stat`, "utf8").split(") ")[1]?.split(" ")[16]);
    const values = readdirSync("/proc/self/task").map(nice);
    expect(values.filter((v) => v === PLANNER_NICE).length).toBeGreaterThanOrEqual(1);
    expect(getPriority()).toBe(0);
  });

  it("rejects an input that cannot cross the thread, then starts over cold", async () => {
    host = createPlannerHost();
    const input = fleet(2, 5);
    await host.plan(input);
    const odd = { ...input, workspaces: [{ ...workspace(undefined), name: (() => "x") as never }] };
    await expect(host.plan(odd)).rejects.toThrow(/could not be sent/);
    expect(JSON.stringify(await host.plan(input))).toBe(cold(input));
  });

  it("names the build command when the worker file is missing", async () => {
    host = createPlannerHost({ workerFile: join(tmpdir(), "no-such-planner-worker.mjs") });
    await expect(host.plan(fleet(1, 1))).rejects.toThrow(/npm run build:worker/);
  });

  it("rejects the pending calls when the worker dies, and the next call starts a new worker cold", async () => {
    // The real worker, plus a trap: a request whose workspace is named "crash" ends the thread.
    const dir = mkdtempSync(join(tmpdir(), "planner-worker-"));
    const file = join(dir, "crashing-worker.mjs");
    // Static imports run in order: the trap listens before the planner does.
    writeFileSync(join(dir, "trap.mjs"), `import { parentPort } from "node:worker_threads";\nparentPort.on("message", (m) => { if (m.delta.workspaces[0]?.name === "crash") process.exit(3); });\n`);
    writeFileSync(file, `import "./trap.mjs";\nimport ${JSON.stringify(pathToFileURL(defaultWorkerFile()).href)};\n`);
    host = createPlannerHost({ workerFile: file });
    const input = fleet(2, 5);
    await host.plan(input);
    const crash: PlanInput = { ...input, workspaces: [workspace(undefined, { name: "crash" })] };
    const results = await Promise.allSettled([host.plan(crash), host.fork(input)]);
    expect(results.map((p) => p.status)).toEqual(["rejected", "rejected"]);
    expect(String((results[0] as PromiseRejectedResult).reason)).toMatch(/planner worker exited \(code 3\)/);
    expect(JSON.stringify(await host.plan(input))).toBe(cold(input));
  });
});
