// Conformance P1-13: server-side printing. `Accept: application/json;as=Table;v=v1;g=meta.k8s.io` answers a
// meta.k8s.io/v1 Table with kubectl's columns for built-ins and the CRD printer columns for custom resources,
// PartialObjectMetadata rows, and in watches column definitions only on the first event.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SE_PATH, openWatch, pick, seObject, startLab, type Lab } from "./harness";

const TABLE = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";
let lab: Lab;

beforeAll(async () => {
  lab = await startLab();
  await lab.call("POST", SE_PATH, seObject("details"));
  await lab.call("POST", "/apis/networking.istio.io/v1/namespaces/default/workloadentries", {
    apiVersion: "networking.istio.io/v1", kind: "WorkloadEntry", metadata: { name: "k-details-1" }, spec: { address: "127.0.0.2" },
  });
  await lab.call("POST", "/api/v1/namespaces/default/services", {
    apiVersion: "v1", kind: "Service", metadata: { name: "eastwest-gateway" },
    spec: { type: "LoadBalancer", selector: { app: "eastwest-gateway" }, ports: [{ name: "tls", port: 15443, nodePort: 30082 }] },
  });
  await lab.call("POST", "/api/v1/namespaces/default/pods", {
    apiVersion: "v1", kind: "Pod", metadata: { name: "web-1", labels: { app: "web" } },
    spec: { nodeName: "node-a", containers: [{ name: "web", image: "nginx" }, { name: "side", image: "proxy" }] },
  });
  await lab.call("PATCH", "/api/v1/namespaces/default/pods/web-1/status", {
    status: { phase: "Running", podIP: "10.0.0.7", containerStatuses: [{ name: "web", ready: true, restartCount: 2 }, { name: "side", ready: false, restartCount: 1 }] },
  });
  await lab.call("POST", "/apis/apps/v1/namespaces/default/deployments", {
    apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web" },
    spec: { replicas: 3, selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "web", image: "nginx" }] } } },
  });
});
afterAll(async () => {
  await lab.close();
});

type Column = { name: string; type: string; priority: number };
type Row = { cells: unknown[]; object: { kind: string; apiVersion: string; metadata: { name: string } } };

async function table(path: string): Promise<{ columns: Column[]; rows: Row[]; body: Record<string, unknown> }> {
  const reply = await lab.call("GET", path, undefined, { Accept: TABLE });
  expect(reply.status).toBe(200);
  expect(reply.contentType).toBe("application/json");
  expect(reply.body).toMatchObject({ kind: "Table", apiVersion: "meta.k8s.io/v1" });
  return { columns: reply.body.columnDefinitions as Column[], rows: reply.body.rows as Row[], body: reply.body };
}

describe("P1-13 tables", () => {
  it("P1-13 ServiceEntry: Name, Hosts, Location, Resolution, Age with PartialObjectMetadata rows", async () => {
    const { columns, rows, body } = await table(SE_PATH);
    expect(columns.map((c) => c.name)).toEqual(["Name", "Hosts", "Location", "Resolution", "Age"]);
    expect(rows[0]?.cells.slice(0, 4)).toEqual(["details", '["details.example.svc.cluster.local"]', "MESH_INTERNAL", "STATIC"]);
    expect(String(rows[0]?.cells[4])).toMatch(/^\d+s$/);
    expect(rows[0]?.object).toMatchObject({ kind: "PartialObjectMetadata", apiVersion: "meta.k8s.io/v1", metadata: { name: "details" } });
    expect(pick(body, "metadata.resourceVersion")).toBe(lab.store.currentResourceVersion());
  });

  it("P1-13 WorkloadEntry: Name, Age, Address", async () => {
    const { columns, rows } = await table("/apis/networking.istio.io/v1/namespaces/default/workloadentries");
    expect(columns.map((c) => c.name)).toEqual(["Name", "Age", "Address"]);
    expect(rows[0]?.cells[2]).toBe("127.0.0.2");
  });

  it("P1-13 a single-object GET as Table", async () => {
    const { rows } = await table(`${SE_PATH}/details`);
    expect(rows).toHaveLength(1);
  });

  it("P1-13 Service: Type, Cluster-IP, External-IP, Port(s) with nodePort", async () => {
    const { columns, rows } = await table("/api/v1/namespaces/default/services");
    expect(columns.map((c) => c.name)).toEqual(["Name", "Type", "Cluster-IP", "External-IP", "Port(s)", "Age", "Selector"]);
    expect(columns.find((c) => c.name === "Selector")?.priority).toBe(1);
    const cells = rows[0]?.cells ?? [];
    expect([cells[0], cells[1], cells[3], cells[4], cells[6]]).toEqual(["eastwest-gateway", "LoadBalancer", "<pending>", "15443:30082/TCP", "app=eastwest-gateway"]);
    expect(String(cells[2])).toMatch(/^10\.96\.\d+\.\d+$/);
  });

  it("P1-13 Pod: Ready, Status, Restarts, Age (+ IP, Node at priority 1)", async () => {
    const { columns, rows } = await table("/api/v1/namespaces/default/pods");
    expect(columns.map((c) => c.name)).toEqual(["Name", "Ready", "Status", "Restarts", "Age", "IP", "Node", "Nominated Node", "Readiness Gates"]);
    expect(columns.filter((c) => c.priority === 1).map((c) => c.name)).toEqual(["IP", "Node", "Nominated Node", "Readiness Gates"]);
    const cells = rows[0]?.cells ?? [];
    expect([cells[0], cells[1], cells[2], cells[3], cells[5], cells[6]]).toEqual(["web-1", "1/2", "Running", "3", "10.0.0.7", "node-a"]);
  });

  it("P1-13 Deployment: Ready, Up-to-date, Available, Age", async () => {
    const { columns, rows } = await table("/apis/apps/v1/namespaces/default/deployments");
    expect(columns.filter((c) => c.priority === 0).map((c) => c.name)).toEqual(["Name", "Ready", "Up-to-date", "Available", "Age"]);
    expect(rows[0]?.cells.slice(0, 4)).toEqual(["web", "0/3", 0, 0]);
  });

  it("P1-13 Namespace: Status, Age", async () => {
    const { columns, rows } = await table("/api/v1/namespaces");
    expect(columns.map((c) => c.name)).toEqual(["Name", "Status", "Age"]);
    expect(rows[0]?.cells.slice(0, 2)).toEqual(["default", "Active"]);
  });

  it("P1-13 includeObject=Object embeds the full object", async () => {
    const { rows } = await table(`${SE_PATH}?includeObject=Object`);
    expect(rows[0]?.object).toMatchObject({ kind: "ServiceEntry", spec: { location: "MESH_INTERNAL" } });
  });

  it("P1-13 a plain Accept still gets a list", async () => {
    const reply = await lab.call("GET", SE_PATH, undefined, { Accept: "application/json" });
    expect(reply.body.kind).toBe("ServiceEntryList");
  });

  it("P1-13 watch Tables: column definitions only on the first event", async () => {
    const watch = await openWatch(`${lab.url}${SE_PATH}?watch=true`, { Accept: TABLE });
    await lab.call("PATCH", `${SE_PATH}/details`, { metadata: { labels: { x: "1" } } });
    const [first, second] = await watch.waitFor(2);
    expect(first).toMatchObject({ type: "ADDED", object: { kind: "Table", apiVersion: "meta.k8s.io/v1" } });
    expect((pick(first?.object, "columnDefinitions") as Column[]).map((c) => c.name)).toEqual(["Name", "Hosts", "Location", "Resolution", "Age"]);
    expect(second).toMatchObject({ type: "MODIFIED", object: { kind: "Table", columnDefinitions: null } });
    expect(pick(second?.object, "rows.0.cells.0")).toBe("details");
    watch.close();
  });
});
