// recentEvents against the lab's API server: the involvedObject field selector is applied by the server (only
// the object's own Events come back, a namesake of another kind or an earlier uid excluded), newest first, and a
// cluster that stops answering or rejects the credentials is a result, not a throw.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRegistryLab, type RegistryLab } from "@/server/registry/test/lab-fixture";
import type { ClusterHandle } from "./kubeconfig";
import { recentEvents } from "./object-events";

const NS = "events-test";
let env: RegistryLab;
let west: ClusterHandle;
let uid: string;

const serviceEntry = (name: string) => ({
  apiVersion: "networking.istio.io/v1",
  kind: "ServiceEntry",
  metadata: { name, namespace: NS },
  spec: { hosts: [`${name}.example.com`], ports: [{ number: 80, name: "http", protocol: "HTTP" }], resolution: "DNS" },
});

const eventFor = (name: string, involved: { kind: string; name: string; uid: string }, reason: string, minute: number) => {
  const at = new Date(Date.UTC(2026, 11, 5, 3, minute)).toISOString().replace(".000", "");
  return {
    apiVersion: "v1",
    kind: "Event",
    metadata: { name, namespace: NS },
    involvedObject: { apiVersion: "networking.istio.io/v1", kind: involved.kind, namespace: NS, name: involved.name, uid: involved.uid },
    type: reason === "Rejected" ? "Warning" : "Normal",
    reason,
    message: `${reason} by the test`,
    count: minute,
    firstTimestamp: at,
    lastTimestamp: at,
    source: { component: "events-test" },
  };
};

beforeAll(async () => {
  env = await startRegistryLab("e2e");
  const handle = env.handles.find((h) => h.name === "west");
  if (!handle) throw new Error("no west in the lab");
  west = handle;
  await env.kubectl("west", ["create", "namespace", NS]);
  await env.kubectl("west", ["apply", "-f", "-"], JSON.stringify(serviceEntry("se-a")));
  uid = (await env.kubectl("west", ["get", "serviceentries.networking.istio.io", "se-a", "-n", NS, "-o", "jsonpath={.metadata.uid}"])).trim();
  const events = [
    eventFor("se-a.1", { kind: "ServiceEntry", name: "se-a", uid }, "Created", 1),
    eventFor("se-a.2", { kind: "ServiceEntry", name: "se-a", uid }, "Rejected", 7),
    eventFor("se-a.3", { kind: "ServiceEntry", name: "se-a", uid }, "Synced", 4),
    // An earlier ServiceEntry of the same name (deleted and made again): another uid.
    eventFor("se-a.old", { kind: "ServiceEntry", name: "se-a", uid: "an-earlier-uid" }, "Stale", 9),
    // Another kind under the same name, and another object.
    eventFor("se-a.gw", { kind: "Gateway", name: "se-a", uid: "gw-uid" }, "OtherKind", 8),
    eventFor("se-b.1", { kind: "ServiceEntry", name: "se-b", uid: "b-uid" }, "OtherObject", 6),
  ];
  await env.kubectl("west", ["create", "--validate=false", "-f", "-"], JSON.stringify({ apiVersion: "v1", kind: "List", items: events }));
}, 120_000);
afterAll(async () => {
  await env?.stop();
});

describe("recentEvents on the lab", () => {
  it("reads only the object's own Events, newest first", async () => {
    const result = await recentEvents("west", west, { kind: "ServiceEntry", namespace: NS, name: "se-a", uid }, { timeoutMs: 3000 });
    expect(result).toMatchObject({ ok: true, cluster: "west", more: false });
    if (!result.ok) return;
    expect(result.events.map((e) => [e.reason, e.type, e.count])).toEqual([
      ["Rejected", "Warning", 7],
      ["Synced", "Normal", 4],
      ["Created", "Normal", 1],
    ]);
    expect(result.events[0]).toMatchObject({ lastSeen: "2026-12-05T03:07:00Z", source: "events-test", message: "Rejected by the test" });
  });

  it("without a uid, a namesake's Events count too; `limit` keeps the newest and says there were more", async () => {
    const result = await recentEvents("west", west, { kind: "ServiceEntry", namespace: NS, name: "se-a" }, { timeoutMs: 3000, limit: 2 });
    expect(result).toMatchObject({ ok: true, more: true, events: [{ reason: "Stale" }, { reason: "Rejected" }] });
  });

  it("an object without Events has an empty list", async () => {
    expect(await recentEvents("west", west, { kind: "ServiceEntry", namespace: NS, name: "nothing-here" }, { timeoutMs: 3000 })).toEqual({ ok: true, cluster: "west", events: [], more: false });
  });

  it.each([
    ["hang", "unreachable", "timeout"],
    ["unauthorized", "forbidden", "unauthorized"],
    ["refuse", "unreachable", "refused"],
  ] as const)("an API server in fault %s → %s", async (mode, reason, errorReason) => {
    await env.lab.setFault("west", { mode });
    try {
      const result = await recentEvents("west", west, { kind: "ServiceEntry", namespace: NS, name: "se-a", uid }, { timeoutMs: 500 });
      expect(result).toMatchObject({ ok: false, cluster: "west", reason, error: { reason: errorReason } });
    } finally {
      await env.lab.setFault("west", { mode: "none" });
    }
  });
});
