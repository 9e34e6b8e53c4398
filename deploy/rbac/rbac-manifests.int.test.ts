// deploy/rbac against the lab (which authorizes like a cluster): every manifest passes a server-side dry-run
// (schema, RBAC kinds, references) and persists nothing; applied for real, the console's ServiceAccount may do
// exactly what the console does with its own credentials (the fleet cache, the registry, the drill runner, the
// audit Events, impersonation) and nothing people do in their own name, asked with `kubectl auth can-i --as`.
import { KUBECTL } from "@/server/testing/kubectl-path";
import { execFile } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRegistryLab, type RegistryLab } from "@/server/registry/test/lab-fixture";

const DIR = path.join(process.cwd(), "deploy/rbac");
const SA = "system:serviceaccount:eastwest-system:eastwest-console";
let env: RegistryLab;

beforeAll(async () => {
  env = await startRegistryLab();
}, 60_000);
afterAll(async () => {
  await env?.stop();
});

/** `kubectl auth can-i` prints yes or no (exiting 1 for no); anything else is the answer's error text. */
/** `resource` may name one object (`leases/eastwest-registry`); a subresource goes after `#` (`pods#log`). */
const canI = (verb: string, resource: string, namespace?: string) =>
  new Promise<string>((resolve) => {
    const scope = namespace ? ["-n", namespace] : ["--all-namespaces"];
    const [target = resource, sub] = resource.split("#");
    const subresource = sub ? [`--subresource=${sub}`] : [];
    execFile(KUBECTL, ["--kubeconfig", env.lab.kubeconfigPath, "--context", "west", "auth", "can-i", verb, target, ...subresource, `--as=${SA}`, ...scope], { timeout: 30_000 }, (_err, stdout, stderr) =>
      resolve(stdout.trim() || `error: ${stderr}`),
    );
  });

/** Applied for real once (after the dry-run test), with the FailoverDrill CRD so its resources resolve. */
let applied: Promise<unknown> | undefined;
const applyOnce = () =>
  (applied ??= (async () => {
    await env.kubectl("west", ["create", "namespace", "eastwest-system"]).catch(() => "already there");
    await env.kubectl("west", ["apply", "--server-side", "-f", path.join(process.cwd(), "deploy/crds")]);
    await env.kubectl("west", ["apply", "--server-side", "-f", DIR]);
  })());

describe("deploy/rbac", () => {
  it("passes a server-side dry-run and persists nothing", async () => {
    const namespace = await env.kubectl("west", ["apply", "--server-side", "--dry-run=server", "-f", path.join(DIR, "00-namespace.yaml")]);
    expect(namespace).toMatch(/namespace\/eastwest-system serverside-applied \(server dry run\)/);
    // The ServiceAccount lives in that namespace: it must exist for the rest to dry-run, as on a real cluster.
    await env.kubectl("west", ["create", "namespace", "eastwest-system"]);
    const out = await env.kubectl("west", ["apply", "--server-side", "--dry-run=server", "-f", DIR]);
    const lines = out.trim().split("\n");
    expect(lines.every((l) => l.endsWith("serverside-applied (server dry run)")), out).toBe(true);
    expect(lines).toHaveLength(16);
    await expect(env.kubectl("west", ["get", "clusterrole", "eastwest-console:impersonate"])).rejects.toThrow(/NotFound|not found/);
    await expect(env.kubectl("west", ["get", "serviceaccount", "eastwest-console", "-n", "eastwest-system"])).rejects.toThrow(/NotFound|not found/);
  });

  it.each<[string, string, string | undefined, "yes" | "no"]>([
    // Impersonation of the signed-in person.
    ["impersonate", "users", undefined, "yes"],
    ["impersonate", "groups", undefined, "yes"],
    ["impersonate", "serviceaccounts", "default", "no"],
    // The fleet cache: list and watch everywhere, get for live reads.
    ["watch", "pods", undefined, "yes"],
    ["list", "nodes", undefined, "yes"],
    ["watch", "endpointslices.discovery.k8s.io", undefined, "yes"],
    ["watch", "serviceentries.networking.istio.io", undefined, "yes"],
    ["get", "ingressgateways.install.tetrate.io", "bookinfo", "yes"],
    ["list", "workspacesettings.settings.tetrate.io", "bookinfo", "yes"],
    ["watch", "failoverdrills.eastwest.dev", undefined, "yes"],
    ["get", "secrets", "bookinfo", "no"],
    // The registry.
    ["create", "serviceentries.networking.istio.io", "bookinfo", "yes"],
    ["patch", "workloadentries.networking.istio.io", "bookinfo", "yes"],
    ["delete", "workloadentries.networking.istio.io", "bookinfo", "yes"],
    ["patch", "destinationrules.networking.istio.io", "bookinfo", "yes"],
    ["delete", "gateways.networking.istio.io", "bookinfo", "yes"],
    ["patch", "virtualservices.networking.istio.io", "bookinfo", "no"],
    ["create", "events", "bookinfo", "yes"],
    ["update", "leases.coordination.k8s.io/eastwest-registry", "default", "yes"],
    ["update", "leases.coordination.k8s.io/eastwest-drills", "default", "yes"],
    ["update", "leases.coordination.k8s.io/someone-else", "default", "no"],
    ["create", "leases.coordination.k8s.io", "bookinfo", "no"],
    // The drill runner.
    ["patch", "failoverdrills.eastwest.dev", "bookinfo", "yes"],
    ["patch", "failoverdrills.eastwest.dev#status", "bookinfo", "yes"],
    ["patch", "deployments.apps#scale", "bookinfo", "yes"],
    ["patch", "deployments.apps", "bookinfo", "no"],
    ["patch", "deployments.apps#status", "bookinfo", "no"],
    ["create", "pods", "bookinfo", "yes"],
    ["patch", "pods", "bookinfo", "yes"],
    ["get", "pods#log", "bookinfo", "yes"],
    ["get", "pods#exec", "bookinfo", "no"],
    ["create", "customresourcedefinitions.apiextensions.k8s.io", undefined, "yes"],
    ["patch", "customresourcedefinitions.apiextensions.k8s.io/failoverdrills.eastwest.dev", undefined, "yes"],
    ["patch", "customresourcedefinitions.apiextensions.k8s.io/gateways.networking.istio.io", undefined, "no"],
    // What people do in their own name (impersonated): never the console's own right.
    ["patch", "ingressgateways.install.tetrate.io", "bookinfo", "no"],
    ["patch", "workspacesettings.settings.tetrate.io", "bookinfo", "no"],
    ["create", "failoverdrills.eastwest.dev", "bookinfo", "no"],
  ])("applied, the ServiceAccount may %s %s in %s: %s", async (verb, resource, namespace, expected) => {
    await applyOnce();
    expect(await canI(verb, resource, namespace)).toBe(expected);
  });
});
