// Authentication, RBAC, impersonation and the self-reviews over raw HTTP, against a cluster with a token table:
// codes, Status reasons and messages as upstream's filters write them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clusterRoleBinding, ensureObjects, user } from "../apiserver/index";
import { pick, startLab, type Lab } from "./harness";

let lab: Lab;
const ADMIN = { Authorization: "Bearer admin-token" };
const VIEWER = { Authorization: "Bearer viewer-token" };
const DEPLOYMENTS = "/apis/apps/v1/namespaces/shop/deployments";
const deployment = { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web" }, spec: { selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "web", image: "nginx" }] } } } };

beforeAll(async () => {
  lab = await startLab({
    namespaces: ["default", "shop"],
    server: { auth: { tokens: [{ token: "admin-token", user: { name: "root", groups: ["system:masters"] } }, { token: "viewer-token", user: { name: "vera", groups: ["readers"] } }] } },
  });
  ensureObjects(lab.store, [clusterRoleBinding("readers-view", "view", [{ apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: "readers" }])]);
});
afterAll(async () => {
  await lab.close();
});

describe("authentication", () => {
  it.each([
    ["no token", {}],
    ["an unknown token", { Authorization: "Bearer nope" }],
    ["another scheme", { Authorization: "Basic cm9vdDpyb290" }],
  ])("%s on an API path → 401 Unauthorized", async (_name, headers) => {
    const reply = await lab.call("GET", "/api/v1/namespaces", undefined, headers);
    expect(reply.status).toBe(401);
    expect(reply.contentType).toBe("application/json");
    expect(reply.body).toMatchObject({ kind: "Status", status: "Failure", reason: "Unauthorized", message: "Unauthorized", code: 401 });
  });

  it.each(["/healthz", "/readyz", "/livez", "/version"])("anonymous %s is allowed (system:public-info-viewer)", async (path) => {
    expect((await lab.call("GET", path)).status).toBe(200);
  });

  it("a wrong token is 401 even on a public path", async () => {
    expect((await lab.call("GET", "/healthz", undefined, { Authorization: "Bearer nope" })).status).toBe(401);
  });
});

describe("authorization", () => {
  it("the viewer reads but may not create: 403 with upstream's message", async () => {
    expect((await lab.call("GET", DEPLOYMENTS, undefined, VIEWER)).status).toBe(200);
    const reply = await lab.call("POST", DEPLOYMENTS, deployment, VIEWER);
    expect(reply.status).toBe(403);
    expect(reply.body).toMatchObject({
      reason: "Forbidden", code: 403, details: { group: "apps", kind: "deployments" },
      message: 'deployments.apps is forbidden: User "vera" cannot create resource "deployments" in API group "apps" in the namespace "shop"',
    });
    const type = lab.store.types.byKind("apps", "Deployment");
    expect(type && lab.store.list(type, "shop")).toEqual([]);
  });

  it("names the object and the cluster scope; secrets are not in view", async () => {
    const secret = await lab.call("GET", "/api/v1/namespaces/shop/secrets/s", undefined, VIEWER);
    expect(secret.body.message).toBe('secrets "s" is forbidden: User "vera" cannot get resource "secrets" in API group "" in the namespace "shop"');
    const nodes = await lab.call("GET", "/api/v1/nodes", undefined, VIEWER);
    expect(nodes.body.message).toBe('nodes is forbidden: User "vera" cannot list resource "nodes" in API group "" at the cluster scope');
    const path = await lab.call("GET", "/metrics", undefined, VIEWER);
    expect(path.body.message).toBe('forbidden: User "vera" cannot get path "/metrics"');
  });

  it("a RoleBinding written through the API takes effect at once", async () => {
    const binding = {
      apiVersion: "rbac.authorization.k8s.io/v1", kind: "RoleBinding", metadata: { name: "vera-edit" },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "deployer" }, subjects: [user("vera")],
    };
    expect((await lab.call("POST", "/apis/rbac.authorization.k8s.io/v1/namespaces/shop/rolebindings", binding, ADMIN)).status).toBe(201);
    const missing = await lab.call("POST", DEPLOYMENTS, deployment, VIEWER);
    expect(missing.body.message).toContain(': RBAC: roles.rbac.authorization.k8s.io "deployer" not found');
    const role = { apiVersion: "rbac.authorization.k8s.io/v1", kind: "Role", metadata: { name: "deployer" }, rules: [{ apiGroups: ["apps"], resources: ["deployments"], verbs: ["create", "delete"] }] };
    expect((await lab.call("POST", "/apis/rbac.authorization.k8s.io/v1/namespaces/shop/roles", role, ADMIN)).status).toBe(201);
    expect((await lab.call("POST", DEPLOYMENTS, deployment, VIEWER)).status).toBe(201);
    expect((await lab.call("DELETE", `${DEPLOYMENTS}/web`, undefined, VIEWER)).status).toBe(200);
    expect((await lab.call("DELETE", "/apis/rbac.authorization.k8s.io/v1/namespaces/shop/rolebindings/vera-edit", undefined, ADMIN)).status).toBe(200);
    expect((await lab.call("POST", DEPLOYMENTS, deployment, VIEWER)).status).toBe(403);
  });
});

describe("impersonation", () => {
  it("the admin acts as the viewer, and is refused what the viewer is refused", async () => {
    const who = await lab.call("POST", "/apis/authentication.k8s.io/v1/selfsubjectreviews", { apiVersion: "authentication.k8s.io/v1", kind: "SelfSubjectReview" }, { ...ADMIN, "Impersonate-User": "vera", "Impersonate-Group": "readers" });
    expect(who.status).toBe(201);
    expect(pick(who.body, "status.userInfo")).toEqual({ username: "vera", groups: ["readers", "system:authenticated"] });
    const create = await lab.call("POST", DEPLOYMENTS, deployment, { ...ADMIN, "Impersonate-User": "vera", "Impersonate-Group": "readers" });
    expect(create.body.message).toBe('deployments.apps is forbidden: User "vera" cannot create resource "deployments" in API group "apps" in the namespace "shop"');
  });

  it("the viewer may not impersonate", async () => {
    const reply = await lab.call("GET", "/api/v1/namespaces", undefined, { ...VIEWER, "Impersonate-User": "root" });
    expect(reply.status).toBe(403);
    expect(reply.body.message).toBe('users "root" is forbidden: User "vera" cannot impersonate resource "users" in API group "" at the cluster scope');
  });

  it("a group without a user is 400", async () => {
    expect((await lab.call("GET", "/api/v1/namespaces", undefined, { ...ADMIN, "Impersonate-Group": "readers" })).status).toBe(400);
  });

  it("the audit trail names the effective user and who impersonated it", async () => {
    const headers = { ...ADMIN, "Impersonate-User": "vera", "Impersonate-Group": "readers" };
    await lab.call("POST", "/api/v1/namespaces/shop/configmaps", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "audited" } }, headers);
    const entry = lab.server.audit().find((e) => e.resource === "configmaps" && e.verb === "create");
    expect(entry).toMatchObject({ user: { name: "vera" }, impersonatedBy: { name: "root" }, namespace: "shop", code: 403 });
  });
});

describe("SelfSubjectAccessReview", () => {
  const review = (spec: Record<string, unknown>, headers: Record<string, string>) =>
    lab.call("POST", "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", { apiVersion: "authorization.k8s.io/v1", kind: "SelfSubjectAccessReview", spec }, headers);

  it.each([
    ["admin creates deployments", ADMIN, { resourceAttributes: { namespace: "shop", verb: "create", group: "apps", resource: "deployments" } }, true],
    ["viewer lists pods", VIEWER, { resourceAttributes: { namespace: "shop", verb: "list", resource: "pods" } }, true],
    ["viewer creates deployments", VIEWER, { resourceAttributes: { namespace: "shop", verb: "create", group: "apps", resource: "deployments" } }, false],
    ["viewer gets /api", VIEWER, { nonResourceAttributes: { path: "/api", verb: "get" } }, true],
  ])("%s", async (_name, headers, spec, allowed) => {
    const reply = await review(spec, headers);
    expect(reply.status).toBe(201);
    expect(pick(reply.body, "status.allowed")).toBe(allowed);
  });

  it("the review groups are in discovery with the single verb create", async () => {
    const groups = (await lab.call("GET", "/apis", undefined, VIEWER)).body.groups as Array<{ name: string }>;
    expect(groups.map((g) => g.name)).toEqual(expect.arrayContaining(["authentication.k8s.io", "authorization.k8s.io", "rbac.authorization.k8s.io"]));
    const list = await lab.call("GET", "/apis/authorization.k8s.io/v1", undefined, VIEWER);
    expect(list.body.resources).toEqual([{ name: "selfsubjectaccessreviews", singularName: "selfsubjectaccessreview", namespaced: false, kind: "SelfSubjectAccessReview", verbs: ["create"] }]);
    expect((await lab.call("GET", "/apis/authentication.k8s.io", undefined, VIEWER)).status).toBe(200);
    expect((await lab.call("GET", "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", undefined, ADMIN)).status).toBe(405);
  });

  it("neither or both attribute kinds → 422", async () => {
    expect((await review({}, ADMIN)).status).toBe(422);
  });
});
