// One workspace, digested: the clusters it spans, the gateway serving it in each, and for every exposed
// service its instances and *sources* — instances whose cluster has a serving gateway with addresses, i.e.
// the ones other clusters can actually reach. The object builders all work from this model.
import type { Condition } from "./conditions";
import { exposedServices, type ExposedService, type Instance } from "./exposure";
import { servingGateway, type ServingGateway } from "./gateways";
import type { ClusterInput, PlanInput, ServicePort, WorkspaceInput, WorkspaceSettingInput } from "./input";
import { meshPorts } from "./istio-protocol";
import { compareStrings, uniqueSorted } from "./json";
import { workspaceScope } from "./workspace-scope";

export type Source = Instance & { gateway: ServingGateway };
export type ModelService = ExposedService & { sources: Source[] };

export type WorkspaceModel = {
  name: string;
  setting: WorkspaceSettingInput;
  /** `namespace/name` of the WorkspaceSetting, for provenance annotations. */
  settingRef: string;
  /** Clusters with at least one covered namespace, sorted by name. */
  clusters: ClusterInput[];
  gateways: ReadonlyMap<string, ServingGateway>;
  services: ModelService[];
};

/** A Service's mesh ports as `port,port,…`; the planner passes its memo of it (service-key.ts KeyMemo). */
export type PortKey = (ports: readonly ServicePort[]) => string;
const portKeyOf: PortKey = (ports) => meshPorts(ports).map((p) => p.port).join(",");

function serviceConditions(ws: string, svc: ExposedService, sources: Source[], spans: number, ports: PortKey): Condition[] {
  const portKey = (i: Instance) => ports(i.service.ports);
  const out: Condition[] = [];
  const base = { workspace: ws, subject: svc.fqdn };
  if (sources.length === 0 && spans > 1) {
    const running = svc.instances.map((i) => i.cluster.name).join(", ");
    const message = `${svc.fqdn} is exposed but no cluster running it (${running}) has a reachable east-west gateway, so no other cluster gets it.`;
    out.push({ ...base, severity: "warning", reason: "NoReachableSource", message });
  }
  if (new Set(svc.instances.map(portKey)).size > 1) {
    const detail = svc.instances.map((i) => `${i.cluster.name}: ${portKey(i) || "none"}`).join("; ");
    const message = `${svc.fqdn} has different ports in different clusters (${detail}); failover only works on ports every cluster serves.`;
    out.push({ ...base, severity: "warning", reason: "PortsDiffer", message });
  }
  return out;
}

function chooseGateways(ws: string, setting: WorkspaceSettingInput, clusters: ClusterInput[], services: ExposedService[], input: PlanInput) {
  const gateways = new Map<string, ServingGateway>();
  const conditions: Condition[] = [];
  const namespaces = uniqueSorted(services.map((s) => s.namespace));
  const resolved = input.resolvedHostnames ?? {};
  const allowLoopback = input.allowLoopbackGatewayAddresses === true;
  for (const cluster of clusters) {
    const needed = services.some((s) => s.instances.some((i) => i.cluster.name === cluster.name));
    const choice = servingGateway({ workspace: ws, selector: setting.workloadSelector, cluster, namespaces, resolved, allowLoopback, needed });
    conditions.push(...choice.conditions);
    if (choice.serving) gateways.set(cluster.name, choice.serving);
  }
  return { gateways, conditions };
}

/** Why a workspace cannot be planned at all, if it cannot. */
function unplannable(ws: WorkspaceInput): Condition | undefined {
  if (!ws.setting) {
    const message = `workspace ${ws.name} has no WorkspaceSetting with defaultEastWestGatewaySettings, so it exposes nothing.`;
    return { severity: "info", reason: "NoWorkspaceSetting", workspace: ws.name, message };
  }
  if (Object.keys(ws.setting.workloadSelector).length === 0) {
    const message = "defaultEastWestGatewaySettings.workloadSelector is empty; name the gateway pods' labels (e.g. app: eastwest-gateway).";
    const subject = `WorkspaceSetting ${ws.setting.namespace}/${ws.setting.name}`;
    return { severity: "error", reason: "EmptyWorkloadSelector", workspace: ws.name, subject, message };
  }
  return undefined;
}

export function workspaceModel(ws: WorkspaceInput, clusters: ClusterInput[], input: PlanInput, ports: PortKey = portKeyOf): { model?: WorkspaceModel; conditions: Condition[] } {
  const { scope, conditions } = workspaceScope(ws, clusters);
  const problem = unplannable(ws);
  if (problem || !ws.setting) return { conditions: [...conditions, ...(problem ? [problem] : [])] };
  const setting = ws.setting;
  const spanned = clusters.filter((c) => scope.has(c.name)).sort((a, b) => compareStrings(a.name, b.name));
  const exposure = exposedServices(ws, scope, clusters);
  const chosen = chooseGateways(ws.name, setting, spanned, exposure.services, input);
  conditions.push(...exposure.conditions, ...chosen.conditions);
  const services = exposure.services.map((svc) => {
    const sources = svc.instances.flatMap((i) => {
      const gateway = chosen.gateways.get(i.cluster.name);
      return gateway && gateway.addresses.length > 0 ? [{ ...i, gateway }] : [];
    });
    conditions.push(...serviceConditions(ws.name, svc, sources, spanned.length, ports));
    return { ...svc, sources };
  });
  const settingRef = `${setting.namespace}/${setting.name}`;
  return { model: { name: ws.name, setting, settingRef, clusters: spanned, gateways: chosen.gateways, services }, conditions };
}
