// Starts the whole lab in-process: one store + API server + controller set per cluster, the scenario's seed, the
// kubeconfig, the data plane (real traffic on the lab's own /16 of loopback) and the admin server. Tests and
// scripts call startLab(); lab/main.ts is its CLI.
import { isIP } from "node:net";
import { startAdminServer, type AdminServer, type AdminTarget } from "./admin/server";
import { adminTokenPath, newAdminToken, writeAdminToken } from "./admin/token";
import { createApiServer, createClusterStore, createTypeRegistry, ensureObjects, type ApiFault, type ApiServer, type AuditEntry, type AuthConfig } from "./apiserver/index";
import type { ClusterStore } from "./apiserver/types";
import type { LoadBalancerAddresses } from "./controllers/load-balancer";
import { createLogProvider, startControllers, type ControllerSet, type PodFaultMode } from "./controllers/index";
import { claimAddressBlock, type AddressBlock } from "./dataplane/address-block";
import type { AddressPlan } from "./dataplane/address-plan";
import { demoCallers, startDemoTraffic, type DemoTraffic } from "./dataplane/demo-traffic";
import { absentDataPlane, startDataPlane, type DataPlane } from "./dataplane/index";
import { createLabCa } from "./dataplane/lab-ca";
import type { LabCa } from "./dataplane/types";
import { usersKubeconfigPath, writeKubeconfig, writeUsersKubeconfig } from "./kubeconfig";
import { scenarios, seedSystem, type ScenarioName, type ScenarioOptions } from "./scenarios/index";
import { labCredentials } from "./scenarios/lab-credentials";
import { demoUserPolicy } from "./scenarios/lab-users";

export interface LabOptions extends ScenarioOptions {
  scenario?: ScenarioName;
  kubeconfigPath?: string;
  /** First cluster's port; the others follow (0 = every port ephemeral). Default 17401. */
  portBase?: number;
  host?: string;
  /** Default 17400; 0 = ephemeral. */
  adminPort?: number;
  /** How long new pods take to become Ready (default 300 ms). */
  podReadyDelayMs?: number;
  /** Events each cluster keeps for watch resumption (the store's default when unset). */
  historySize?: number;
  /** Run the data plane (pods answer, gateways forward, metrics; default true). Lazy in the scale scenario. */
  dataPlane?: boolean;
  /** The demo's steady light load (dataplane/demo-traffic.ts); default: on in the demo scenario only. */
  demoTraffic?: boolean;
}

export interface LabCluster {
  name: string;
  url: string;
  store: ClusterStore;
}

export interface Lab {
  clusters: LabCluster[];
  kubeconfigPath: string;
  /** The demo's narrower users (viewer, app-owner, platform-owner), one context `<user>@<cluster>` each. */
  usersKubeconfigPath: string;
  adminUrl: string;
  /** The admin endpoint's bearer token, new at every start. */
  adminToken: string;
  /** Where it is written (mode 0600): `admin-token` beside the kubeconfig. */
  adminTokenPath: string;
  setFault(cluster: string, fault: ApiFault): Promise<void>;
  /** A cluster's audit trail: writes and refusals with the (impersonated) user; [] for an unknown cluster. */
  audit(cluster: string): AuditEntry[];
  /** Fails ("fail": not Ready), stops ("stop": container exited) or heals ("none") a pod; false if it is unknown. */
  setPodFault(cluster: string, namespace: string, pod: string, mode: PodFaultMode): boolean;
  /** Requests from inside a cluster, traffic faults, metrics URLs (a stand-in that sends nothing with `dataPlane: false`). */
  dataPlane: DataPlane;
  /** The lab's claimed /16 of loopback: its load balancers' and pods' addresses. */
  addresses: AddressPlan;
  stop(): Promise<void>;
}

interface Running extends LabCluster {
  /** What the kubeconfigs name: kubectl sends a user's token only to an https:// server. */
  httpsUrl: string;
  server: ApiServer;
  controllers: ControllerSet;
  fault: ApiFault;
}

interface ClusterSecurity {
  auth: AuthConfig;
  ca: LabCa;
}

async function startCluster(store: ClusterStore, index: number, port: number, options: LabOptions, block: AddressBlock, security: ClusterSecurity): Promise<Running> {
  const host = options.host ?? "127.0.0.1";
  // The serving certificate names the host it listens on; clients skip verification (insecure-skip-tls-verify).
  const serving = await security.ca.issue(`${store.cluster}-apiserver`, isIP(host) ? { ip: [host] } : { dns: [host] });
  const tls = { cert: serving.certPem, key: serving.keyPem, clientCa: security.ca.caPem };
  const server = await createApiServer(store, { host, port, logs: createLogProvider(store), auth: security.auth, tls });
  // Load balancers get addresses of the lab's own block, where its gateways listen.
  const loadBalancerAddresses: LoadBalancerAddresses = (namespace, name, isTaken) => block.loadBalancerAddresses(index, namespace, name, isTaken);
  const controllers = startControllers(store, { podReadyDelayMs: options.podReadyDelayMs, loadBalancerAddresses });
  return { name: store.cluster, url: server.url, httpsUrl: server.httpsUrl ?? server.url, store, server, controllers, fault: { mode: "none" } };
}

function auditOf(running: Running[]): Lab["audit"] {
  return (cluster) => running.find((r) => r.name === cluster)?.server.audit() ?? [];
}

function adminTarget(running: Running[], setFault: Lab["setFault"], setPodFault: Lab["setPodFault"], dataPlane: DataPlane | undefined): AdminTarget {
  const metricsUrl = (name: string) => (dataPlane?.metricsUrls[name] !== undefined ? { metricsUrl: dataPlane.metricsUrls[name] } : {});
  return {
    clusters: () => running.map(({ name, url }) => ({ name, url, ...metricsUrl(name) })),
    fault: (name) => running.find((r) => r.name === name)?.fault ?? { mode: "none" },
    setFault,
    setPodFault,
    audit: auditOf(running),
    ...(dataPlane ? { dataPlane } : {}),
  };
}

/** After the controllers have settled, so pods start answering with their endpoints already written. */
function startLabDataPlane(stores: ClusterStore[], block: AddressBlock, scenario: ScenarioName, options: LabOptions): Promise<DataPlane> {
  const clusters = stores.map((store) => ({ name: store.cluster, store }));
  // The scale scenario's thousands of pods would cost a listener each: they start listening on first use.
  return startDataPlane(clusters, { addresses: block, lazy: scenario === "scale", host: options.host ?? "127.0.0.1" });
}

export async function startLab(options: LabOptions = {}): Promise<Lab> {
  const scenarioName = options.scenario ?? "demo";
  const scenario = scenarios[scenarioName];
  const types = createTypeRegistry();
  const portBase = options.portBase ?? 17401;
  const kubeconfigPath = options.kubeconfigPath ?? ".lab/kubeconfig";
  const running: Running[] = [];
  let admin: AdminServer | undefined;
  let block: AddressBlock | undefined;
  let dataPlane: DataPlane | undefined;
  let traffic: DemoTraffic | undefined;
  // Callers before what answers them, the data plane before the controllers and stores it watches, the block
  // last. Every step runs even when an earlier one failed, so a failed stop never keeps a port or the block.
  const stop = async (): Promise<void> => {
    const steps: Array<() => unknown> = [
      () => admin?.close(),
      () => traffic?.stop(),
      () => dataPlane?.stop(),
      () => running.forEach((c) => c.controllers.stop()),
      () => Promise.all(running.map((c) => c.server.close())),
      () => block?.release(),
    ];
    const failures: unknown[] = [];
    for (const step of steps) await Promise.resolve().then(step).catch((error: unknown) => void failures.push(error));
    if (failures.length > 0) throw failures[0];
  };
  const setFault = async (cluster: string, fault: ApiFault): Promise<void> => {
    const c = running.find((r) => r.name === cluster);
    if (!c) throw new Error(`lab: unknown cluster "${cluster}"`);
    await c.server.setFault(fault);
    c.fault = fault;
  };
  const setPodFault = (cluster: string, namespace: string, pod: string, mode: PodFaultMode): boolean =>
    running.find((r) => r.name === cluster)?.controllers.setPodFault(namespace, pod, mode) ?? false;
  try {
    const history = options.historySize ? { historySize: options.historySize } : {};
    const stores = scenario.clusterNames(options).map((name) => createClusterStore(name, types, history));
    for (const store of stores) seedSystem(store);
    scenario.seed(stores, options);
    for (const store of stores) ensureObjects(store, demoUserPolicy(store));
    // One CA per start signs the API servers' serving certificates and the certificate users' client certificates.
    const ca = await createLabCa("eastwest-lab-apiserver-ca");
    const credentials = await labCredentials(kubeconfigPath, ca);
    const security: ClusterSecurity = { auth: credentials.auth, ca };
    // Claimed before the controllers start: the service controller hands out the block's load balancer addresses.
    // Seeded by the kubeconfig's path, so a lab restarted in place usually gets the same addresses.
    const claimed = await claimAddressBlock(kubeconfigPath, stores.length);
    block = claimed;
    for (const [i, store] of stores.entries()) running.push(await startCluster(store, i, portBase === 0 ? 0 : portBase + i, options, claimed, security));
    // "lab ready" means converged: pods Running, endpoints filled, gateways addressed. Big scenarios on a busy
    // machine take a while: allow 10 ms per seeded write (the resourceVersion counters), at least a minute.
    const seededWrites = stores.reduce((n, s) => n + Number(s.currentResourceVersion()), 0);
    const settleMs = Math.max(60_000, seededWrites * 10);
    await Promise.all(running.map((c) => c.controllers.waitForIdle(settleMs)));
    if (options.dataPlane ?? true) {
      dataPlane = await startLabDataPlane(stores, claimed, scenarioName, options);
      if (options.demoTraffic ?? scenarioName === "demo") traffic = startDemoTraffic(demoCallers(running), { request: dataPlane.request });
    }
    const named = running.map((c) => ({ name: c.name, url: c.httpsUrl }));
    await writeKubeconfig(kubeconfigPath, named, credentials.adminToken);
    const usersPath = usersKubeconfigPath(kubeconfigPath);
    await writeUsersKubeconfig(usersPath, named, credentials.users);
    // Written before the endpoint listens, so a caller that sees it up can always read the current token.
    const adminToken = newAdminToken();
    const tokenPath = adminTokenPath(kubeconfigPath);
    await writeAdminToken(tokenPath, adminToken);
    admin = await startAdminServer(adminTarget(running, setFault, setPodFault, dataPlane), { token: adminToken, host: options.host ?? "127.0.0.1", port: options.adminPort ?? 17400 });
    const clusters = running.map(({ name, url, store }) => ({ name, url, store }));
    return {
      clusters, kubeconfigPath, usersKubeconfigPath: usersPath, audit: auditOf(running), adminUrl: admin.url, adminToken, adminTokenPath: tokenPath, setFault, setPodFault,
      dataPlane: dataPlane ?? absentDataPlane(), addresses: claimed, stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
