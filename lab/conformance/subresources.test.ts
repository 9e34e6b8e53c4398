// Conformance P0-6/P1-14 support: the /scale subresource (autoscaling/v1 Scale) and pods/log.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pick, startLab, type Lab } from "./harness";

let lab: Lab;
const DEPLOY = "/apis/apps/v1/namespaces/default/deployments";
beforeAll(async () => {
  lab = await startLab({ server: { logs: (ns, pod, container) => (pod === "quiet" ? undefined : `one ${ns}/${pod}/${container ?? ""}\ntwo\nthree\n`) } });
  await lab.call("POST", DEPLOY, {
    apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web" },
    spec: { replicas: 2, selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "web", image: "nginx" }] } } },
  });
  for (const name of ["p", "quiet"]) {
    await lab.call("POST", "/api/v1/namespaces/default/pods", { apiVersion: "v1", kind: "Pod", metadata: { name }, spec: { containers: [{ name: "web", image: "nginx" }] } });
  }
});
afterAll(async () => {
  await lab.close();
});

describe("P0-6 scale subresource", () => {
  it("P0-6 GET /scale is an autoscaling/v1 Scale", async () => {
    const reply = await lab.call("GET", `${DEPLOY}/web/scale`);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ kind: "Scale", apiVersion: "autoscaling/v1", metadata: { name: "web", namespace: "default" }, spec: { replicas: 2 }, status: { replicas: 0, selector: "app=web" } });
  });

  it("P0-6 PATCH /scale (merge patch, as kubectl scale sends) changes spec.replicas and bumps generation", async () => {
    const reply = await lab.call("PATCH", `${DEPLOY}/web/scale`, { spec: { replicas: 5 } });
    expect(reply.status).toBe(200);
    expect(pick(reply.body, "spec.replicas")).toBe(5);
    const deployment = await lab.call("GET", `${DEPLOY}/web`);
    expect(deployment.body).toMatchObject({ spec: { replicas: 5 }, metadata: { generation: 2 } });
  });

  it("P0-6 PUT /scale with a stale resourceVersion → 409", async () => {
    const scale = await lab.call("GET", `${DEPLOY}/web/scale`);
    await lab.call("PATCH", `${DEPLOY}/web/scale`, { spec: { replicas: 1 } });
    const reply = await lab.call("PUT", `${DEPLOY}/web/scale`, { ...scale.body, spec: { replicas: 3 } });
    expect(reply.status).toBe(409);
  });

  it("P0-6 a negative replica count → 400, a missing deployment → 404", async () => {
    expect((await lab.call("PATCH", `${DEPLOY}/web/scale`, { spec: { replicas: -1 } })).status).toBe(400);
    const missing = await lab.call("GET", `${DEPLOY}/nope/scale`);
    expect(missing.body).toMatchObject({ reason: "NotFound", message: 'deployments.apps "nope" not found' });
  });

  it("P0-6 /scale on a kind without it → 404", async () => {
    expect((await lab.call("GET", "/api/v1/namespaces/default/pods/p/scale")).status).toBe(404);
  });
});

describe("P1-14 pods/log", () => {
  it("P1-14 returns text/plain from the log provider", async () => {
    const res = await fetch(`${lab.url}/api/v1/namespaces/default/pods/p/log`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await res.text()).toBe("one default/p/web\ntwo\nthree\n");
  });

  it("P1-14 tailLines keeps the last lines", async () => {
    const res = await fetch(`${lab.url}/api/v1/namespaces/default/pods/p/log?tailLines=2`);
    expect(await res.text()).toBe("two\nthree\n");
  });

  it("P1-14 a pod without logs answers an empty body", async () => {
    const res = await fetch(`${lab.url}/api/v1/namespaces/default/pods/quiet/log`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("");
  });

  it("P1-14 a missing pod → 404 Status, an unknown container → 400", async () => {
    const missing = await lab.call("GET", "/api/v1/namespaces/default/pods/ghost/log");
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ kind: "Status", message: 'pods "ghost" not found' });
    const container = await lab.call("GET", "/api/v1/namespaces/default/pods/p/log?container=nope");
    expect(container.status).toBe(400);
    expect(container.body).toMatchObject({ message: "container nope is not valid for pod p" });
  });
});
