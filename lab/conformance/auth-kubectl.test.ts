// The lab authenticates and authorizes like a cluster, seen through the real kubectl: `auth whoami` and
// `auth can-i` (with and without --as), a wrong token, the demo users' narrower roles (users.kubeconfig), refused
// impersonation, client certificates, and the audit trail recording who acted for whom.
import { readFile, writeFile } from "node:fs/promises";
import type { ClientRequest } from "node:http";
import { request } from "node:https";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { createLabCa } from "../dataplane/lab-ca";
import { kubectl, startTestLab, type LabFixture } from "./fixture";

let fx: LabFixture;
beforeAll(async () => {
  fx = await startTestLab({ dataPlane: false });
});
afterAll(async () => {
  await fx.close();
});

/** The status of a GET over TLS without credentials (the lab's serving certificate is not verified, as kubectl). */
function httpsStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { rejectUnauthorized: false, agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.end();
  });
}

/** A GET over TLS: `sent` resolves once the handshake is done and the request written, `outcome` with the status or error code. */
function httpsPending(url: string): { sent: Promise<unknown>; outcome: Promise<string> } {
  let req: ClientRequest | undefined;
  const outcome = new Promise<string>((resolve) => {
    req = request(url, { rejectUnauthorized: false, agent: false }, (res) => {
      res.resume();
      resolve(String(res.statusCode));
    });
    req.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"));
  });
  const written = new Promise<void>((resolve) => req?.once("finish", resolve));
  const handshake = new Promise<void>((resolve) => req?.once("socket", (socket) => socket.once("secureConnect", resolve)));
  req?.end();
  return { sent: Promise.all([written, handshake]), outcome };
}

/** kubectl as a demo user: its context in users.kubeconfig. */
const as = (user: string, args: string[]) => kubectl(fx, ["--kubeconfig", fx.lab.usersKubeconfigPath, ...args], { context: `${user}@west` });

describe("kubectl auth against a lab cluster", () => {
  it("whoami names the kubeconfig's admin, and the impersonated user with --as", async () => {
    const admin = await kubectl(fx, ["auth", "whoami", "-o", "json"]);
    expect(admin.code).toBe(0);
    expect(JSON.parse(admin.stdout)).toMatchObject({ status: { userInfo: { username: "kubernetes-admin", groups: ["system:masters", "system:authenticated"] } } });
    const viewer = await kubectl(fx, ["auth", "whoami", "--as", "viewer", "--as-group", "eastwest:viewers"]);
    expect(viewer.stdout).toMatch(/Username\s+viewer/);
    expect(viewer.stdout).toMatch(/Groups\s+\[eastwest:viewers system:authenticated\]/);
    const own = await as("app-owner", ["auth", "whoami", "-o", "json"]);
    expect(JSON.parse(own.stdout)).toMatchObject({ status: { userInfo: { username: "app-owner", groups: ["eastwest:app-owners", "system:authenticated"] } } });
  });

  it.each([
    ["admin", null, ["create", "deployments", "-n", "bookinfo"], "yes"],
    ["admin --as viewer", "viewer", ["create", "deployments", "-n", "bookinfo"], "no"],
    ["viewer", "viewer@", ["list", "pods", "-n", "bookinfo"], "yes"],
    ["viewer", "viewer@", ["get", "secrets", "-n", "bookinfo"], "no"],
    ["viewer", "viewer@", ["create", "deployments", "-n", "bookinfo"], "no"],
    ["app-owner", "app-owner@", ["update", "deployments", "--subresource=scale", "-n", "bookinfo"], "yes"],
    ["app-owner", "app-owner@", ["patch", "deployments", "--subresource=scale", "-n", "bookinfo"], "yes"],
    ["app-owner", "app-owner@", ["update", "deployments", "--subresource=scale", "-n", "sleep"], "no"],
    ["platform-owner", "platform-owner@", ["create", "ingressgateways.install.tetrate.io", "-n", "xcp-multicluster"], "yes"],
    ["platform-owner", "platform-owner@", ["delete", "failoverdrills.eastwest.dev", "-n", "bookinfo"], "no"],
  ])("can-i as %s: %j → %s", async (_who, mode, args, answer) => {
    const result = mode === null ? await kubectl(fx, ["auth", "can-i", ...args])
      : mode.endsWith("@") ? await as(mode.slice(0, -1), ["auth", "can-i", ...args])
      : await kubectl(fx, ["auth", "can-i", "--as", mode, "--as-group", `eastwest:${mode}s`, ...args]);
    expect(result.stdout.trim(), result.stderr).toBe(answer);
    expect(result.code).toBe(answer === "yes" ? 0 : 1);
  });

  it("a wrong token is refused as Unauthorized", async () => {
    const doc = parse(await readFile(fx.kubeconfig, "utf8")) as { users: Array<{ user: { token: string } }> };
    for (const u of doc.users) u.user.token = "lab-00000000000000000000000000000000";
    const wrong = join(fx.dir, "wrong-token");
    await writeFile(wrong, stringify(doc), { mode: 0o600 });
    const result = await kubectl(fx, ["--kubeconfig", wrong, "get", "namespaces"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("You must be logged in to the server (Unauthorized)");
  });

  it("a client certificate from the lab's CA authenticates as its CN; one from another CA is refused", async () => {
    const who = await as("platform-owner", ["auth", "whoami", "-o", "json"]);
    expect(JSON.parse(who.stdout)).toMatchObject({ status: { userInfo: { username: "platform-owner", groups: ["system:authenticated"] } } });
    const doc = parse(await readFile(fx.lab.usersKubeconfigPath, "utf8")) as { users: Array<{ name: string; user: Record<string, string> }> };
    const foreign = await (await createLabCa("someone-else")).issue("platform-owner", {});
    const entry = doc.users.find((u) => u.name === "platform-owner");
    expect(entry?.user["client-certificate-data"]).toBeDefined();
    if (entry) entry.user = { "client-certificate-data": Buffer.from(foreign.certPem).toString("base64"), "client-key-data": Buffer.from(foreign.keyPem).toString("base64") };
    const forged = join(fx.dir, "forged-cert");
    await writeFile(forged, stringify(doc), { mode: 0o600 });
    const result = await kubectl(fx, ["--kubeconfig", forged, "get", "namespaces"], { context: "platform-owner@west" });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("You must be logged in to the server (Unauthorized)");
  });

  it("the viewer may not create a deployment: 403 with upstream's message", async () => {
    const result = await as("viewer", ["create", "deployment", "intruder", "--image=nginx", "-n", "bookinfo"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('deployments.apps is forbidden: User "viewer" cannot create resource "deployments" in API group "apps" in the namespace "bookinfo"');
    expect((await kubectl(fx, ["get", "deployment", "intruder", "-n", "bookinfo"])).code).toBe(1);
  });

  it("--as is allowed for the admin (the write recorded as the impersonated user) and refused for the viewer", async () => {
    const scaled = await kubectl(fx, ["scale", "deployment", "details-v1", "-n", "bookinfo", "--replicas=1", "--as", "app-owner", "--as-group", "eastwest:app-owners"]);
    expect(scaled.code, scaled.stderr).toBe(0);
    const entry = fx.lab.audit("west").find((e) => e.resource === "deployments" && e.subresource === "scale");
    expect(entry).toMatchObject({ user: { name: "app-owner" }, impersonatedBy: { name: "kubernetes-admin" }, namespace: "bookinfo", name: "details-v1", code: 200 });
    const refused = await as("viewer", ["get", "pods", "-n", "bookinfo", "--as", "kubernetes-admin"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('users "kubernetes-admin" is forbidden: User "viewer" cannot impersonate resource "users" in API group "" at the cluster scope');
  });

  it("one port: https:// always authenticates; the printed http:// URL is the insecure port unless a token is sent", async () => {
    const cluster = fx.lab.clusters[0];
    const https = await httpsStatus(`${(cluster?.url ?? "").replace("http://", "https://")}/api/v1/namespaces`);
    expect(https).toBe(401);
    expect((await fetch(`${cluster?.url ?? ""}/api/v1/namespaces`)).status).toBe(200);
    expect((await fetch(`${cluster?.url ?? ""}/api/v1/namespaces`, { headers: { Authorization: "Bearer wrong" } })).status).toBe(401);
  });

  it("faults apply to the https:// side too: hang holds a TLS request, refuse cuts it and refuses new ones, none serves again", async () => {
    const url = `${(fx.lab.clusters[0]?.url ?? "").replace("http://", "https://")}/api/v1/namespaces`;
    await fx.lab.setFault("west", { mode: "hang" });
    const hung = httpsPending(url);
    await hung.sent;
    await fx.lab.setFault("west", { mode: "refuse" });
    expect(await hung.outcome).toBe("ECONNRESET");
    expect(await httpsStatus(url).catch((error: NodeJS.ErrnoException) => error.code)).toBe("ECONNREFUSED");
    await fx.lab.setFault("west", { mode: "none" });
    expect(await httpsStatus(url)).toBe(401);
  });

  it("the admin endpoint serves a cluster's audit trail", async () => {
    const res = await fetch(`${fx.lab.adminUrl}/clusters/west/audit`, { headers: { Authorization: `Bearer ${fx.lab.adminToken}` } });
    expect(res.status).toBe(200);
    const entries = (await res.json()) as Array<{ user: { name: string }; verb: string; code: number }>;
    expect(entries.some((e) => e.user.name === "viewer" && e.verb === "create" && e.code === 403)).toBe(true);
  });
});
