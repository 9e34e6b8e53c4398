import { describe, expect, it } from "vitest";
import { columnDefinitions } from "./table";
import { nodePrinter } from "./table-node";
import type { KubeObject } from "./types";

const node = (labels: Record<string, string>, status: Record<string, unknown>, spec: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: "v1", kind: "Node", metadata: { name: "n1", labels, creationTimestamp: new Date(Date.now() - 90_000).toISOString() }, spec, status,
});
const ready = (value: string) => ({ conditions: [{ type: "MemoryPressure", status: "False" }, { type: "Ready", status: value }] });
const info = { kubeletVersion: "v1.32.4", osImage: "Debian GNU/Linux 12 (bookworm)", kernelVersion: "6.1.0", containerRuntimeVersion: "containerd://1.7.24" };

describe("kubectl get nodes", () => {
  it("prints NAME STATUS ROLES AGE VERSION, and the wide columns at priority 1", () => {
    expect(columnDefinitions(nodePrinter).map((c) => `${c.name}:${c.priority}`)).toEqual([
      "Name:0", "Status:0", "Roles:0", "Age:0", "Version:0", "Internal-IP:1", "External-IP:1", "OS-Image:1", "Kernel-Version:1", "Container-Runtime:1",
    ]);
  });

  it.each([
    ["a ready worker", node({}, ready("True")), "Ready", "<none>"],
    ["not ready", node({}, ready("False")), "NotReady", "<none>"],
    ["no Ready condition", node({}, {}), "Unknown", "<none>"],
    ["cordoned", node({}, ready("True"), { unschedulable: true }), "Ready,SchedulingDisabled", "<none>"],
    ["roles from node-role labels, sorted", node({ "node-role.kubernetes.io/worker": "", "node-role.kubernetes.io/control-plane": "" }, ready("True")), "Ready", "control-plane,worker"],
    ["the older kubernetes.io/role label", node({ "kubernetes.io/role": "master" }, ready("True")), "Ready", "master"],
  ])("%s", (_, object, status, roles) => {
    const [s, r] = nodePrinter.cells(object);
    expect([s, r]).toEqual([status, roles]);
  });

  it("prints age, kubelet version, addresses and the node's software", () => {
    const object = node({}, { ...ready("True"), nodeInfo: info, addresses: [{ type: "Hostname", address: "n1" }, { type: "InternalIP", address: "172.18.0.2" }] });
    expect(nodePrinter.cells(object).slice(2)).toEqual(["90s", "v1.32.4", "172.18.0.2", "<none>", info.osImage, "6.1.0", "containerd://1.7.24"]);
    expect(nodePrinter.cells(node({}, {})).slice(4)).toEqual(["<none>", "<none>", "<unknown>", "<unknown>", "<unknown>"]);
  });
});
