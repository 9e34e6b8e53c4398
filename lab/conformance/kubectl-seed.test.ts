// P1-14: the seed page's own kubectl commands print what the seed shows, against a lab context.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kubectl, startTestLab, table, writeManifest, type LabFixture } from "./fixture";

// The seed's manifest, byte for byte.
const EASTWEST_GATEWAY = `apiVersion: install.tetrate.io/v1alpha1
kind: IngressGateway
metadata:
  name: eastwest-gateway
  namespace: bookinfo
spec:
  eastWestOnly: true
`;

const workloadEntry = (name: string, address: string): string => `apiVersion: networking.istio.io/v1
kind: WorkloadEntry
metadata:
  name: ${name}
  namespace: bookinfo
spec:
  address: ${address}
  labels:
    app: details
  ports:
    http: 15443
`;

let fx: LabFixture;
beforeAll(async () => {
  fx = await startTestLab();
});
afterAll(async () => {
  await fx.close();
});

describe("P1-14 kubectl: the seed's commands", () => {
  it("P1-14 kubectl apply -f eastwest-gateway.yaml creates the IngressGateway (default validation)", async () => {
    const file = await writeManifest(fx, "eastwest-gateway.yaml", EASTWEST_GATEWAY);
    const res = await kubectl(fx, ["apply", "-f", file]);
    expect(res.stderr).toBe("");
    expect(res.stdout).toBe("ingressgateway.install.tetrate.io/eastwest-gateway created\n");
    const again = await kubectl(fx, ["apply", "-f", file]);
    expect(again.stdout).toBe("ingressgateway.install.tetrate.io/eastwest-gateway unchanged\n");
  });

  it("P1-14 kubectl get pods -A -l app=eastwest-gateway lists the gateway pod Running once ready", async () => {
    const wait = await kubectl(fx, ["wait", "-n", "bookinfo", "--for=condition=Available", "deployment/eastwest-gateway", "--timeout=30s"]);
    expect(wait.stdout).toBe("deployment.apps/eastwest-gateway condition met\n");
    const res = await kubectl(fx, ["get", "pods", "-A", "-l", "app=eastwest-gateway"]);
    expect(res.code).toBe(0);
    const [header, ...rows] = table(res.stdout);
    expect(header).toEqual(["NAMESPACE", "NAME", "READY", "STATUS", "RESTARTS", "AGE"]);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.slice(0, 5)).toEqual([
      "bookinfo", expect.stringMatching(/^eastwest-gateway-[a-z0-9]{10}-[a-z0-9]{5}$/), "1/1", "Running", "0",
    ]);
  });

  it("P1-14 kubectl get svc -n bookinfo eastwest-gateway shows a LoadBalancer on 15443 with three addresses", async () => {
    const res = await kubectl(fx, ["get", "svc", "-n", "bookinfo", "eastwest-gateway"]);
    const [header, row] = table(res.stdout);
    expect(header).toEqual(["NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE"]);
    // West is the lab's cluster 0; its load balancers get addresses of the lab's claimed block.
    const ips = fx.lab.addresses.loadBalancerAddresses(0, "bookinfo", "eastwest-gateway");
    expect(row?.slice(0, 5)).toEqual(["eastwest-gateway", "LoadBalancer", expect.stringMatching(/^10\.96\.\d+\.\d+$/), ips.join(","), expect.stringMatching(/^15443:3\d{4}\/TCP$/)]);
  });

  it("P1-14 kubectl get serviceentry -n xcp-multicluster: empty, then HOSTS LOCATION RESOLUTION AGE", async () => {
    const empty = await kubectl(fx, ["get", "serviceentry", "-n", "xcp-multicluster"]);
    expect(empty.stdout).toBe("");
    expect(empty.stderr).toBe("No resources found in xcp-multicluster namespace.\n");
    const se = `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: global-gwinternal-details-bookinfo-svc-cluster-local
  namespace: xcp-multicluster
spec:
  hosts: [details.bookinfo.svc.cluster.local]
  location: MESH_INTERNAL
  resolution: STATIC
  ports: [{name: http, number: 9080, protocol: HTTP}]
`;
    await kubectl(fx, ["apply", "-f", await writeManifest(fx, "se.yaml", se)]);
    const res = await kubectl(fx, ["get", "serviceentry", "-n", "xcp-multicluster"]);
    const [header, row] = table(res.stdout);
    expect(header).toEqual(["NAME", "HOSTS", "LOCATION", "RESOLUTION", "AGE"]);
    expect(row?.slice(0, 4)).toEqual(["global-gwinternal-details-bookinfo-svc-cluster-local", '["details.bookinfo.svc.cluster.local"]', "MESH_INTERNAL", "STATIC"]);
  });

  it("P1-14 kubectl get workloadentries -n bookinfo prints NAME AGE ADDRESS", async () => {
    const names = ["k-details-fc556d47e94d1cb435e513fa016c2243", "k-details-fc556d47e94d1cb435e513fa016c2243-2"];
    const docs = [workloadEntry(names[0] ?? "", "18.135.167.198"), workloadEntry(names[1] ?? "", "18.168.99.230")].join("---\n");
    const applied = await kubectl(fx, ["apply", "-f", await writeManifest(fx, "we.yaml", docs)]);
    expect(applied.stdout).toBe(names.map((n) => `workloadentry.networking.istio.io/${n} created\n`).join(""));
    const res = await kubectl(fx, ["get", "workloadentries", "-n", "bookinfo"]);
    const [header, ...rows] = table(res.stdout);
    expect(header).toEqual(["NAME", "AGE", "ADDRESS"]);
    expect(rows.map((r) => [r[0], r[2]])).toEqual([[names[0], "18.135.167.198"], [names[1], "18.168.99.230"]]);
  });

  it("P1-14 kubectl --context west get pods -n bookinfo lists bookinfo's pods", async () => {
    const res = await kubectl(fx, ["get", "pods", "-n", "bookinfo"]);
    const rows = table(res.stdout).slice(1);
    const deployments = rows.map((r) => (r[0] ?? "").replace(/-[a-z0-9]{10}-[a-z0-9]{5}$/, "")).sort();
    expect(deployments).toEqual(["details-v1", "eastwest-gateway", "productpage-v1", "ratings-v1", "reviews-v1", "reviews-v2", "reviews-v3"]);
    for (const row of rows) expect(row.slice(1, 3)).toEqual(["1/1", "Running"]);
  });
});
