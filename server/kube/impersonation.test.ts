// Impersonation as the API server sees it: which actor impersonates whom, the header lines on the wire (one
// Impersonate-Group line per group, read with headersDistinct as the Go API server reads req.Header), writes
// impersonated and reads not (unless configured), a cluster's 403 said as what the person may not do, and the
// audit sink told about every real write (never a dry-run).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ingressGatewayManifest } from "@/lib/manifests/ingress-gateway";
import type { Actor } from "@/server/auth/identity";
import type { AuditEntry } from "@/server/audit/types";
import { writeKubeconfig } from "../testing/kubeconfig-fixture";
import { HttpMethod } from "@kubernetes/client-node";
import { createConsoleWriter } from "./console-writer";
import { createDrillClient } from "./drill-client";
import { HeaderLinesContext } from "./header-lines";
import { impersonationHeaders, impersonationOf, impersonationProblem } from "./impersonation";
import { loadKubeconfig, type ClusterHandle } from "./kubeconfig";
import { startRecordingApiServer } from "./test/recording-apiserver";

const actor = (user: string, groups: string[], mode: Actor["mode"] = "oidc"): Actor => ({ mode, identity: { user, groups }, roles: ["platform-owner"], workspaceRoles: {}, address: "127.0.0.1" });

describe("who a request acts as", () => {
  it.each([
    ["no actor (the console's own work)", undefined, undefined],
    ["mode none", { ...actor("alice", []), mode: "none" as const }, undefined],
    ["an actor without identity", { ...actor("alice", []), identity: undefined }, undefined],
    ["mode proxy", actor("bob", ["g"], "proxy"), { user: "bob", groups: ["g"] }],
    ["mode oidc", actor("alice", ["a", "b"]), { user: "alice", groups: ["a", "b"] }],
  ])("%s", (_, who, expected) => {
    expect(impersonationOf(who)).toEqual(expected);
  });

  it("sends the user, then one line per distinct group, non-ASCII as its UTF-8 bytes", () => {
    expect(impersonationHeaders({ user: "alice", groups: ["ops", "a,b", "ops"] })).toEqual([
      ["Impersonate-User", "alice"],
      ["Impersonate-Group", "ops"],
      ["Impersonate-Group", "a,b"],
    ]);
    expect(impersonationHeaders({ user: "jörg", groups: [] })).toEqual([["Impersonate-User", Buffer.from("jörg", "utf8").toString("latin1")]]);
  });

  it.each([
    ["a plain identity", { user: "alice", groups: ["eastwest:viewers"] }, undefined],
    ["a newline in the user (header injection)", { user: "alice\r\nImpersonate-Group: system:masters", groups: [] }, /control characters/],
    ["a control character in a group", { user: "alice", groups: ["ops\u0000"] }, /control characters/],
    ["an empty group", { user: "alice", groups: [""] }, /cannot be carried/],
    ["a reserved group that bypasses RBAC", { user: "alice", groups: ["eastwest:viewers", "system:masters"] }, /reserved for the API server/],
    ["a reserved user", { user: "system:serviceaccount:kube-system:admin", groups: [] }, /reserved for the API server/],
  ])("%s", (_, who, problem) => {
    const said = impersonationProblem(who);
    if (problem === undefined) expect(said).toBeUndefined();
    else expect(said).toMatch(problem);
  });
});

describe("header lines", () => {
  it("iterates one pair per line, replacing the kubeconfig's own impersonation; as a record it fails closed", () => {
    const context = new HeaderLinesContext("https://x", HttpMethod.PATCH);
    context.setHeaderParam("Authorization", "Bearer t");
    context.setHeaderParam("Impersonate-User", "from-kubeconfig");
    for (const line of impersonationHeaders({ user: "alice", groups: ["a", "b"] })) context.addHeaderLine(...line);
    const headers = context.getHeaders();
    expect([...(headers as unknown as Iterable<[string, string]>)]).toEqual([["Authorization", "Bearer t"], ["Impersonate-User", "alice"], ["Impersonate-Group", "a"], ["Impersonate-Group", "b"]]);
    // A transport that read the record instead would still act as alice, with one group "a, b" nobody is bound to.
    expect(Object.fromEntries(Object.entries(headers))).toEqual({ Authorization: "Bearer t", "Impersonate-User": "alice", "Impersonate-Group": "a, b" });
  });
});

type Server = Awaited<ReturnType<typeof startRecordingApiServer>>;
let server: Server;
let handle: ClusterHandle;
const manifest = ingressGatewayManifest("eastwest", "bookinfo");
const ref = { apiVersion: manifest.apiVersion, kind: manifest.kind, namespace: "bookinfo", name: "eastwest" };

beforeAll(async () => {
  server = await startRecordingApiServer(["install.tetrate.io/v1alpha1"], { forbidden: ["victor"] });
  const load = await loadKubeconfig([await writeKubeconfig([{ name: "east", server: server.url }])], []);
  if (!load.ok || !load.clusters[0]) throw new Error("fixture did not load");
  handle = load.clusters[0];
});
afterAll(() => server.close());
beforeEach(() => server.requests.splice(0));

const seen = () => server.requests.map((r) => [r.method, r.query.dryRun ?? "", r.impersonate]);
const writerAs = (who: Actor | undefined, entries: AuditEntry[] = [], impersonateReads = false) => {
  const writer = createConsoleWriter(handle, { timeoutMs: 2_000, ...(who ? { actor: who } : {}), impersonateReads, audit: { record: (e) => entries.push(e) } });
  if (!writer) throw new Error("no writer");
  return writer;
};

describe("the console writer on the wire", () => {
  it("impersonates writes (dry-runs included) with one Impersonate-Group line per group; reads stay the console's", async () => {
    const writer = writerAs(actor("alice", ["eastwest:platform-owners", "a,b"]));
    await writer.get(ref);
    await writer.apply(manifest, { dryRun: true });
    const applied = await writer.apply(manifest, { dryRun: false });
    if (!applied.ok) throw new Error(applied.message);
    await writer.remove(ref, { uid: "u1", resourceVersion: "1" });
    const alice = { user: ["alice"], groups: ["eastwest:platform-owners", "a,b"] };
    const none = { user: [], groups: [] };
    expect(seen()).toEqual([["GET", "", none], ["PATCH", "All", alice], ["PATCH", "", alice], ["DELETE", "", alice]]);
  });

  it("impersonates reads too when configured, and nobody without an identity", async () => {
    await writerAs(actor("alice", []), [], true).get(ref);
    await writerAs(undefined).apply(manifest, { dryRun: false });
    await writerAs({ ...actor("alice", []), mode: "none" }).apply(manifest, { dryRun: false });
    const none = { user: [], groups: [] };
    expect(seen()).toEqual([["GET", "", { user: ["alice"], groups: [] }], ["PATCH", "", none], ["PATCH", "", none]]);
  });

  it("says a cluster's 403 as what the person may not do, keeping the cluster's reason, and audits it as refused", async () => {
    const entries: AuditEntry[] = [];
    const victor = actor("victor", ["eastwest:viewers"]);
    const refused = await writerAs(victor, entries).apply(manifest, { dryRun: false });
    expect(refused).toMatchObject({ ok: false, kind: "rejected", status: 403 });
    if (refused.ok) return;
    expect(refused.message).toBe('you may not patch ingressgateways.install.tetrate.io in east: ingressgateways.install.tetrate.io "eastwest" is forbidden: User "victor" cannot patch resource "ingressgateways" in API group "install.tetrate.io" in the namespace "bookinfo"');
    const dry = await writerAs(victor, entries).apply(manifest, { dryRun: true });
    expect(dry).toMatchObject({ ok: false, status: 403, message: expect.stringMatching(/^you may not patch ingressgateways/) });
    expect(entries).toEqual([{ actor: victor, cluster: "east", verb: "apply", object: ref, outcome: "refused", detail: refused.message }]);
  });

  it("audits real writes once the cluster answered: applies (forced noted) and deletes, never dry-runs", async () => {
    const entries: AuditEntry[] = [];
    const alice = actor("alice", []);
    const writer = writerAs(alice, entries);
    await writer.apply(manifest, { dryRun: true });
    await writer.apply(manifest, { dryRun: false, force: true });
    await writer.remove(ref, { uid: "u1", resourceVersion: "2" });
    expect(entries).toEqual([
      { actor: alice, cluster: "east", verb: "apply", object: { ...ref, uid: "u1" }, outcome: "ok", detail: "forced" },
      { actor: alice, cluster: "east", verb: "delete", object: { ...ref, uid: "u1" }, outcome: "ok" },
    ]);
  });

  it("refuses an identity that cannot travel as headers before sending anything", async () => {
    const outcome = await writerAs(actor("alice\nx", [])).apply(manifest, { dryRun: false });
    expect(outcome).toMatchObject({ ok: false, kind: "rejected", status: 403, message: expect.stringMatching(/control characters/) });
    expect(server.requests).toEqual([]);
  });
});

describe("the drill client for an identity that cannot be impersonated", () => {
  it("refuses the drill's writes with the reason, sending nothing", async () => {
    const client = createDrillClient(handle, { timeoutMs: 2_000, actor: actor("alice", ["system:masters"]) });
    const spec = { service: "details", fault: "ScaleToZero" as const, maxDuration: "2m", stopCondition: { errorRateAbove: 0.5, forSeconds: 10 }, abort: false };
    expect(await client?.drills.create({ namespace: "bookinfo", name: "d", spec })).toMatchObject({ ok: false, status: 403, message: expect.stringMatching(/reserved for the API server/) });
    expect(await client?.workloads.scale("bookinfo", "details-v1", 0)).toMatchObject({ ok: false, status: 403 });
    expect(server.requests).toEqual([]);
  });
});
