// The added latency of impersonation per write (issue 14's figure), measured against the lab: the same server-side
// apply (a WorkspaceSetting whose annotation changes every time, so each one is a real write) as the console's
// own user (kubernetes-admin, system:masters: RBAC is skipped) and as a person (the impersonation check for the
// user, then RBAC evaluated for them), interleaved so load and warm-up hit both alike. Printed as p50/p95.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/identity";
import { startRegistryLab, type RegistryLab } from "@/server/registry/test/lab-fixture";
import { createConsoleWriter, type ConsoleWriter } from "./console-writer";

const WRITES = 200;
const WARMUP = 20;
const owner: Actor = { mode: "oidc", identity: { user: "platform-owner", groups: ["eastwest:platform-owners", "eastwest:viewers"] }, roles: ["platform-owner"], workspaceRoles: {}, address: "127.0.0.1" };

let env: RegistryLab;
beforeAll(async () => {
  env = await startRegistryLab();
}, 60_000);
afterAll(async () => {
  await env?.stop();
});

const setting = (n: number) => ({
  apiVersion: "settings.tetrate.io/v1alpha1",
  kind: "WorkspaceSetting",
  metadata: { name: "latency-bench", namespace: "bookinfo", annotations: { "eastwest.dev/bench": String(n) } },
  spec: { workspace: "bookinfo-ws" },
});

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
const summary = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return { p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95) };
};

async function timed(writer: ConsoleWriter, n: number): Promise<number> {
  const started = performance.now();
  const outcome = await writer.apply(setting(n), { dryRun: false, force: true });
  const elapsed = performance.now() - started;
  if (!outcome.ok) throw new Error(outcome.message);
  return elapsed;
}

describe("the added latency of impersonation per write", () => {
  it(`${WRITES} writes each, as the console and as a person`, async () => {
    const west = env.handles.find((h) => h.name === "west");
    const own = west && createConsoleWriter(west, { timeoutMs: 5_000 });
    const person = west && createConsoleWriter(west, { timeoutMs: 5_000, actor: owner });
    if (!own || !person) throw new Error("no writers");
    const ms = { own: [] as number[], person: [] as number[] };
    for (let i = 0; i < WARMUP + WRITES; i++) {
      // Alternate which goes first, so neither always follows the other's write.
      const pair = i % 2 === 0 ? ([["own", own], ["person", person]] as const) : ([["person", person], ["own", own]] as const);
      for (const [who, writer] of pair) {
        const elapsed = await timed(writer, 2 * i + (who === "own" ? 0 : 1));
        if (i >= WARMUP) ms[who].push(elapsed);
      }
    }
    // Paired: each person's write against the console's write next to it, which cancels most of the machine's drift.
    const paired = summary(ms.person.map((t, i) => t - (ms.own[i] ?? t)));
    const a = summary(ms.own);
    const b = summary(ms.person);
    const line = (label: string, s: { p50: number; p95: number }) => `${label}: p50 ${s.p50.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms`;
    console.log(
      [
        `impersonation latency, ${WRITES} server-side applies each against the lab (west), interleaved:`,
        line("  console's own user", a),
        line("  impersonating a person", b),
        `  added (difference of the quantiles): p50 ${(b.p50 - a.p50).toFixed(2)} ms, p95 ${(b.p95 - a.p95).toFixed(2)} ms`,
        line("  added (paired per write)", paired),
      ].join("\n"),
    );
    // Every write was written as who it claims: the lab's trail has the person's applies, impersonated.
    // (The lab records a request once its response has finished: poll for the last ones.)
    const trail = () => env.lab.audit("west").filter((e) => e.resource === "workspacesettings" && e.name === "latency-bench" && e.user.name === "platform-owner");
    await expect.poll(() => trail().length, { timeout: 5_000, interval: 20 }).toBe(WARMUP + WRITES);
    expect(trail().every((e) => e.impersonatedBy?.name === "kubernetes-admin" && (e.code === 200 || e.code === 201))).toBe(true);
    expect(ms.own).toHaveLength(WRITES);
    expect(ms.person).toHaveLength(WRITES);
  }, 120_000);
});
