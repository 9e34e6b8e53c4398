// Issue #15 deletion: DeleteOptions validation (422 on DeleteOptions.meta.k8s.io, before the object is looked up),
// the NamespaceLifecycle plugin's immortal namespaces (403), a PUT naming another uid (409, the storage's UID
// precondition), and propagation: Orphan strips the dependents' ownerReferences, Foreground holds the owner with
// the foregroundDeletion finalizer until the dependents that block it are gone, Background (the default) deletes
// the owner now and its dependents after — on any kind, here ConfigMaps owning ConfigMaps.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startControllers, type ControllerSet } from "../controllers/index";
import { seedSystem } from "../scenarios/system";
import { pick, startLab, until, type Lab } from "./harness";

let lab: Lab;
let controllers: ControllerSet;
beforeAll(async () => {
  lab = await startLab({ namespaces: [] });
  seedSystem(lab.store);
  controllers = startControllers(lab.store, { podReadyDelayMs: 20, podTerminationDelayMs: 50 });
  await controllers.waitForIdle(10_000);
});
afterAll(async () => {
  controllers.stop();
  await lab.close();
});

const CM = "/api/v1/namespaces/default/configmaps";
type Ref = { apiVersion: string; kind: string; name: string; uid: string; blockOwnerDeletion?: boolean };

async function configMap(name: string, extra: Record<string, unknown> = {}): Promise<{ uid: string; ref: Ref }> {
  const reply = await lab.call("POST", CM, { apiVersion: "v1", kind: "ConfigMap", metadata: { name, ...extra }, data: { k: name } });
  expect(reply.status).toBe(201);
  const uid = String(pick(reply.body, "metadata.uid"));
  return { uid, ref: { apiVersion: "v1", kind: "ConfigMap", name, uid } };
}

const exists = async (name: string): Promise<boolean> => (await lab.call("GET", `${CM}/${name}`)).status === 200;
const UNSUPPORTED = 'supported values: "Foreground", "Background", "Orphan", "nil"';

describe("DeleteOptions validation", () => {
  it.each([
    ["in the query", "?propagationPolicy=Sideways", undefined],
    ["in the body", "", { kind: "DeleteOptions", apiVersion: "v1", propagationPolicy: "Sideways" }],
  ])("an unknown propagationPolicy %s → 422 Invalid on DeleteOptions, nothing deleted", async (_where, query, body) => {
    await configMap(`keep-${query ? "q" : "b"}`);
    const reply = await lab.call("DELETE", `${CM}/keep-${query ? "q" : "b"}${query}`, body);
    expect(reply.status).toBe(422);
    expect(reply.body).toMatchObject({
      kind: "Status", status: "Failure", reason: "Invalid", code: 422,
      message: `DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "Sideways": ${UNSUPPORTED}`,
      details: { group: "meta.k8s.io", kind: "DeleteOptions", causes: [{ reason: "FieldValueNotSupported", field: "propagationPolicy", message: `Unsupported value: "Sideways": ${UNSUPPORTED}` }] },
    });
    expect(await exists(`keep-${query ? "q" : "b"}`)).toBe(true);
  });

  it("options are validated before the object is looked up: a bad policy on a missing object is 422, not 404", async () => {
    const reply = await lab.call("DELETE", `${CM}/never?propagationPolicy=sideways`);
    expect(reply.status).toBe(422);
  });

  it("orphanDependents and propagationPolicy together → 422", async () => {
    await configMap("both");
    const reply = await lab.call("DELETE", `${CM}/both`, { orphanDependents: true, propagationPolicy: "Orphan" });
    expect(reply.status).toBe(422);
    expect(reply.body).toMatchObject({
      reason: "Invalid",
      message: 'DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Invalid value: "Orphan": orphanDependents and deletionPropagation cannot be both set',
    });
  });
});

describe("immortal namespaces", () => {
  it.each(["default", "kube-system", "kube-public"])("deleting %s → 403 Forbidden (NamespaceLifecycle), also as a dry run", async (name) => {
    for (const query of ["", "?dryRun=All"]) {
      const reply = await lab.call("DELETE", `/api/v1/namespaces/${name}${query}`);
      expect(reply.status).toBe(403);
      expect(reply.body).toMatchObject({
        kind: "Status", status: "Failure", reason: "Forbidden", code: 403,
        message: `namespaces "${name}" is forbidden: this namespace may not be deleted`, details: { name, kind: "namespaces" },
      });
    }
    expect((await lab.call("GET", `/api/v1/namespaces/${name}`)).body).toMatchObject({ status: { phase: "Active" } });
  });

  it("kube-node-lease is not immortal upstream: it is deleted, and the system-namespaces controller creates it again", async () => {
    const before = await lab.call("GET", "/api/v1/namespaces/kube-node-lease");
    const reply = await lab.call("DELETE", "/api/v1/namespaces/kube-node-lease");
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ kind: "Namespace", status: { phase: "Terminating" } });
    await until(async () => {
      const again = await lab.call("GET", "/api/v1/namespaces/kube-node-lease");
      return again.status === 200 && pick(again.body, "metadata.uid") !== pick(before.body, "metadata.uid");
    });
    expect((await lab.call("GET", "/api/v1/namespaces/kube-node-lease")).body).toMatchObject({ status: { phase: "Active" } });
  });
});

describe("PUT with another object's uid", () => {
  it("→ 409 Conflict with the UID precondition's message; the right uid updates", async () => {
    const { uid } = await configMap("incarnation");
    const put = (u: string) => lab.call("PUT", `${CM}/incarnation`, { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "incarnation", uid: u }, data: { k: "new" } });
    const stale = await put("9d7c2d1e-0000-4000-8000-000000000000");
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      reason: "Conflict", code: 409, details: { name: "incarnation", kind: "configmaps" },
      message: `Operation cannot be fulfilled on configmaps "incarnation": Precondition failed: UID in precondition: 9d7c2d1e-0000-4000-8000-000000000000, UID in object meta: ${uid}`,
    });
    expect(pick((await lab.call("GET", `${CM}/incarnation`)).body, "data.k")).toBe("incarnation");
    const ok = await put(uid);
    expect(ok.status).toBe(200);
    expect(pick(ok.body, "data.k")).toBe("new");
  });
});

describe("propagation", () => {
  it("Orphan: the owner goes, its dependents stay without the ownerReference (other owners kept)", async () => {
    const owner = await configMap("o-owner");
    const other = await configMap("o-other");
    await configMap("o-dep1", { ownerReferences: [owner.ref] });
    await configMap("o-dep2", { ownerReferences: [owner.ref, other.ref] });
    const reply = await lab.call("DELETE", `${CM}/o-owner`, { kind: "DeleteOptions", apiVersion: "v1", propagationPolicy: "Orphan" });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ kind: "ConfigMap", metadata: { name: "o-owner", finalizers: ["orphan"], deletionGracePeriodSeconds: 0 } });
    await until(async () => !(await exists("o-owner")));
    expect(pick((await lab.call("GET", `${CM}/o-dep1`)).body, "metadata.ownerReferences")).toBeUndefined();
    expect(pick((await lab.call("GET", `${CM}/o-dep2`)).body, "metadata.ownerReferences")).toEqual([other.ref]);
  });

  it("Foreground: foregroundDeletion holds the owner until its blocking dependents are gone", async () => {
    const owner = await configMap("f-owner");
    const blocking = { ...owner.ref, blockOwnerDeletion: true };
    await configMap("f-held", { ownerReferences: [blocking], finalizers: ["example.com/hold"] });
    await configMap("f-plain", { ownerReferences: [blocking] });
    const reply = await lab.call("DELETE", `${CM}/f-owner?propagationPolicy=Foreground`);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ metadata: { name: "f-owner", finalizers: ["foregroundDeletion"] } });
    await until(async () => !(await exists("f-plain")));
    const held = await lab.call("GET", `${CM}/f-held`);
    expect(pick(held.body, "metadata.deletionTimestamp")).toEqual(expect.any(String));
    await controllers.waitForIdle(5000);
    expect(await exists("f-owner")).toBe(true);
    await lab.call("PATCH", `${CM}/f-held`, { metadata: { finalizers: null } });
    await until(async () => !(await exists("f-owner")));
    expect(await exists("f-held")).toBe(false);
  });

  it("Background (the default): the owner goes at once, then its dependents", async () => {
    const owner = await configMap("b-owner");
    await configMap("b-dep", { ownerReferences: [owner.ref] });
    const reply = await lab.call("DELETE", `${CM}/b-owner`);
    expect(reply.body).toMatchObject({ kind: "Status", status: "Success", details: { name: "b-owner", kind: "configmaps", uid: owner.uid } });
    expect(await exists("b-owner")).toBe(false);
    await until(async () => !(await exists("b-dep")));
  });

  it("a second delete may change the policy of a pending deletion (the finalizers follow it)", async () => {
    await configMap("again", { finalizers: ["example.com/hold"] });
    const first = await lab.call("DELETE", `${CM}/again?propagationPolicy=Orphan`);
    expect(pick(first.body, "metadata.finalizers")).toEqual(["example.com/hold", "orphan"]);
    const stamp = pick(first.body, "metadata.deletionTimestamp");
    const second = await lab.call("DELETE", `${CM}/again?propagationPolicy=Background`);
    expect(pick(second.body, "metadata.finalizers")).toEqual(["example.com/hold"]);
    expect(pick(second.body, "metadata.deletionTimestamp")).toBe(stamp);
    await lab.call("PATCH", `${CM}/again`, { metadata: { finalizers: null } });
    expect(await exists("again")).toBe(false);
  });
});
