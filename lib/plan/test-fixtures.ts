// Builders for planner tests: a seed-like fleet (domain.md §4, the seed's listings) and small variations.
// Not a test file itself; imported by the *.test.ts files of lib/plan.
import type { ClusterInput, GatewayInput, PlanInput, ServiceInput, WorkspaceInput } from "./input";
import { workspaceModel, type WorkspaceModel } from "./workspace-model";

export const BOOKINFO = ["details", "productpage", "ratings", "reviews"];

export function service(name: string, namespace = "bookinfo", overrides: Partial<ServiceInput> = {}): ServiceInput {
  return {
    namespace,
    name,
    ports: [{ name: "http", port: 9080, protocol: "TCP", targetPort: 9080 }],
    selector: { app: name },
    labels: { app: name, service: name },
    ...overrides,
  };
}

/** The installer's output for the seed's IngressGateway `eastwest-gateway` in bookinfo. */
export function eastWestGateway(ips: string[], overrides: Partial<GatewayInput> = {}): GatewayInput {
  return {
    namespace: "bookinfo",
    name: "eastwest-gateway",
    podLabels: { app: "eastwest-gateway", istio: "eastwestgateway" },
    eastWestOnly: true,
    serviceType: "LoadBalancer",
    ports: [{ name: "tls", port: 15443, protocol: "TCP", targetPort: 15443 }],
    addresses: ips.map((ip) => ({ ip })),
    ...overrides,
  };
}

/** The gateway's own Service, as a fleet adapter lists it among the namespace's Services. */
export const gatewayService = (): ServiceInput =>
  service("eastwest-gateway", "bookinfo", { ports: [{ name: "tls", port: 15443, protocol: "TCP" }], selector: { app: "eastwest-gateway" } });

export const LOCALITY: Record<string, string> = { west: "us-west1/us-west1-a", east: "us-east1/us-east1-b", north: "ca-north1/ca-north1-a" };
export const GATEWAY_IPS: Record<string, string[]> = {
  west: ["127.0.1.1", "127.0.1.2", "127.0.1.3"],
  east: ["127.0.2.3", "127.0.2.1", "127.0.2.2"],
  north: ["127.0.3.1", "127.0.3.2", "127.0.3.3"],
};

export function cluster(name: string, overrides: Partial<ClusterInput> = {}): ClusterInput {
  return {
    name,
    network: `network-${name}`,
    locality: LOCALITY[name],
    stale: false,
    services: [],
    gateways: [],
    destinationRules: [],
    namespaces: ["bookinfo", "default", "istio-system", "xcp-multicluster"],
    ...overrides,
  };
}

/** A cluster running `services` of bookinfo, with the seed's gateway when `gateway` is true. */
export function bookinfoCluster(name: string, services: string[], gateway: boolean, overrides: Partial<ClusterInput> = {}): ClusterInput {
  return cluster(name, {
    services: [...services.map((s) => service(s)), ...(gateway ? [gatewayService()] : [])],
    gateways: gateway ? [eastWestGateway(GATEWAY_IPS[name] ?? [])] : [],
    ...overrides,
  });
}

export const DETAILS = "details.bookinfo.svc.cluster.local";
export const REVIEWS = "reviews.bookinfo.svc.cluster.local";

export function workspace(exposed: string[] | undefined, overrides: Partial<WorkspaceInput> = {}): WorkspaceInput {
  return {
    name: "bookinfo-ws",
    namespace: "bookinfo",
    namespaceSelector: ["*/bookinfo"],
    setting: {
      namespace: "bookinfo",
      name: "bookinfo-ws-setting",
      workloadSelector: { app: "eastwest-gateway" },
      ...(exposed === undefined ? {} : { exposedServices: exposed }),
    },
    ...overrides,
  };
}

/** The seed after its steps 1–3: west/east run all of bookinfo with gateways, north only productpage. */
/** `exposed: "absent"` leaves exposedServices out of the WorkspaceSetting (exposes everything). */
export function seedInput(options: { exposed?: string[] | "absent"; north?: string[]; northGateway?: boolean } = {}): PlanInput {
  return {
    clusters: [
      bookinfoCluster("west", BOOKINFO, true),
      bookinfoCluster("east", BOOKINFO, true),
      bookinfoCluster("north", options.north ?? ["productpage"], options.northGateway ?? false),
    ],
    workspaces: [workspace(options.exposed === "absent" ? undefined : (options.exposed ?? [DETAILS, REVIEWS]))],
    // The seed's gateways have the lab's loopback addresses (GATEWAY_IPS), which only the lab's setting allows.
    allowLoopbackGatewayAddresses: true,
  };
}

type Listed = { kind: string; namespace: string; name: string; address?: string };

/** Like `kubectl get <kind> -n <namespace>` on the plan: names (and WorkloadEntry addresses), sorted. */
export function listing(objects: readonly { kind: string; metadata: { name: string; namespace: string }; spec: Record<string, unknown> }[], kind: string, namespace?: string): Listed[] {
  return objects
    .filter((o) => o.kind === kind && (namespace === undefined || o.metadata.namespace === namespace))
    .map((o) => ({
      kind: o.kind,
      namespace: o.metadata.namespace,
      name: o.metadata.name,
      ...(typeof o.spec.address === "string" ? { address: o.spec.address } : {}),
    }));
}

/** The first workspace's model, for testing one object builder at a time. */
export function modelOf(input: PlanInput): WorkspaceModel {
  const ws = input.workspaces[0];
  if (!ws) throw new Error("fixture has no workspace");
  const { model, conditions } = workspaceModel(ws, input.clusters, input);
  if (!model) throw new Error(`fixture workspace has no model: ${JSON.stringify(conditions)}`);
  return model;
}

/** Mutates one cluster of a fixture in place and returns the input, for table rows. */
export function withCluster(input: PlanInput, name: string, change: (c: ClusterInput) => void): PlanInput {
  const found = input.clusters.find((c) => c.name === name);
  if (found) change(found);
  return input;
}
