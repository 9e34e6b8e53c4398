// The service controller with a lab address plan: two LoadBalancer Services whose hashed slots meet still get
// addresses of their own (a cloud never hands one address to two load balancers), and keep them while they live.
import { afterEach, describe, expect, it } from "vitest";
import { createClusterStore } from "../apiserver/store";
import { createTypeRegistry } from "../apiserver/types-registry";
import type { KubeObject } from "../apiserver/types";
import { createAddressPlan } from "../dataplane/address-plan";
import { seedSystem } from "../scenarios/system";
import { kubectlApply, namespaceManifest } from "../scenarios/seed-util";
import { startControllers, type ControllerSet } from "./index";

const types = createTypeRegistry();
const SVC = types.byKind("", "Service");
let running: ControllerSet | undefined;
afterEach(() => running?.stop());

const lbService = (name: string): KubeObject => ({
  apiVersion: "v1",
  kind: "Service",
  metadata: { name, namespace: "bookinfo" },
  spec: { type: "LoadBalancer", selector: { app: name }, ports: [{ name: "tls", port: 15443, targetPort: 15443 }] },
});

const ips = (svc: KubeObject | undefined): string[] =>
  ((svc?.status as { loadBalancer?: { ingress?: Array<{ ip: string }> } } | undefined)?.loadBalancer?.ingress ?? []).map((i) => i.ip);

describe("service controller with an address plan", () => {
  it("gives a Service whose hashed slot another holds the next free addresses, and keeps them", async () => {
    if (!SVC) throw new Error("no Service type");
    const plan = createAddressPlan(9, 3);
    const first = plan.loadBalancerAddresses(0, "bookinfo", "gw-a");
    // A second name that hashes to the same slot.
    const twin = Array.from({ length: 2000 }, (_, i) => `gw-${i}`).find((n) => n !== "gw-a" && plan.loadBalancerAddresses(0, "bookinfo", n)[0] === first[0]);
    if (!twin) throw new Error("no colliding name among 2,000");
    const store = createClusterStore("west", types);
    seedSystem(store);
    kubectlApply(store, namespaceManifest("bookinfo"));
    running = startControllers(store, { podReadyDelayMs: 20, loadBalancerAddresses: (ns, n, isTaken) => plan.loadBalancerAddresses(0, ns, n, isTaken) });
    store.create(SVC, lbService("gw-a"));
    await running.waitForIdle(5000);
    store.create(SVC, lbService(twin));
    await running.waitForIdle(5000);
    const a = ips(store.get(SVC, "bookinfo", "gw-a"));
    const b = ips(store.get(SVC, "bookinfo", twin));
    expect(a).toEqual(first);
    expect(b).toHaveLength(3);
    expect(b.filter((ip) => a.includes(ip))).toEqual([]);
    // Deleting the first frees its slot, but the second keeps the addresses it was given.
    store.delete(SVC, "bookinfo", "gw-a");
    await running.waitForIdle(5000);
    expect(ips(store.get(SVC, "bookinfo", twin))).toEqual(b);
  });
});
