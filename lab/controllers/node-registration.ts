// The kubelet registers its Node at start (POST /api/v1/nodes, status included: the node strategy keeps status
// on create, unlike kinds whose status only a controller writes), as `kubelet --register-node` does. The
// labels are the well-known ones the kubelet sets (kubernetes.io/hostname, os, arch) plus the topology labels a
// cloud provider adds. No node-role label: a cloud worker prints ROLES <none>. An existing Node (a restarted
// kubelet) is left as it is.
// One more label says what the lab's data plane can do on this node: pods annotated `eastwest.dev/fault:
// fail-requests` answer 503 (lab/dataplane/pod-annotation-fault.ts), so a console can tell it may inject the
// FailRequests drill fault here. The strings are the product's contract (lib/drills/schema.ts), copied.
import { versionInfo } from "../apiserver/discovery";
import type { KubeObject } from "../apiserver/types";
import type { ControllerContext } from "./context";
import { nodeTopology } from "./node-topology";
import { nowSeconds } from "./object-util";

const MANAGER = "kubelet";
export const FAULT_INJECTION_LABEL = "eastwest.dev/fault-injection";
export const FAULT_INJECTION_VALUE = "pod-annotation";

function condition(type: string, status: boolean, reason: string, message: string, ts: string): Record<string, unknown> {
  return { type, status: status ? "True" : "False", lastHeartbeatTime: ts, lastTransitionTime: ts, reason, message };
}

export function nodeObject(cluster: string, name: string, hostIP: string, ts: string = nowSeconds()): KubeObject {
  const resources = { cpu: "8", "ephemeral-storage": "102305536Ki", memory: "32858552Ki", pods: "110" };
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      name,
      labels: { "kubernetes.io/hostname": name, "kubernetes.io/os": "linux", "kubernetes.io/arch": "amd64", ...nodeTopology(cluster),
        [FAULT_INJECTION_LABEL]: FAULT_INJECTION_VALUE,
      },
      annotations: { "node.alpha.kubernetes.io/ttl": "0", "volumes.kubernetes.io/controller-managed-attach-detach": "true" },
    },
    spec: { podCIDR: "10.244.0.0/16", podCIDRs: ["10.244.0.0/16"], providerID: `lab://${cluster}/${name}` },
    status: {
      capacity: resources,
      allocatable: resources,
      conditions: [
        condition("MemoryPressure", false, "KubeletHasSufficientMemory", "kubelet has sufficient memory available", ts),
        condition("DiskPressure", false, "KubeletHasNoDiskPressure", "kubelet has no disk pressure", ts),
        condition("PIDPressure", false, "KubeletHasSufficientPID", "kubelet has sufficient PID available", ts),
        condition("Ready", true, "KubeletReady", "kubelet is posting ready status", ts),
      ],
      addresses: [{ type: "InternalIP", address: hostIP }, { type: "Hostname", address: name }],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        kubeletVersion: String(versionInfo().gitVersion), kubeProxyVersion: "", operatingSystem: "linux", architecture: "amd64",
        osImage: "Debian GNU/Linux 12 (bookworm)", kernelVersion: "6.1.0-28-cloud-amd64", containerRuntimeVersion: "containerd://1.7.24",
        machineID: "", systemUUID: "", bootID: "",
      },
    },
  };
}

/** Creates this kubelet's Node unless it is already registered. */
export function registerNode(ctx: ControllerContext, hostIP: string): void {
  if (ctx.store.get(ctx.kinds.node, undefined, ctx.nodeName)) return;
  ctx.store.create(ctx.kinds.node, nodeObject(ctx.store.cluster, ctx.nodeName, hostIP), { fieldManager: MANAGER });
}
