// Defaulting as the apiserver does it (SetDefaults_PodSpec/Container/ContainerPort/Service, the Deployment's),
// checked through kubectl: after `kubectl create -f`, `kubectl diff -f` of the same manifest finds nothing (exit
// 0, no output), because the live object and the dry-run of the manifest are defaulted alike and no empty map is
// kept; the defaults a client reads back are upstream's; and kubectl's own Strict field validation refuses an
// unknown field of a kind with a schema.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { kubectl, startTestLab, type LabFixture } from "./fixture";

const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: default
  labels: {}
spec:
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
      annotations: {}
    spec:
      containers:
      - name: web
        image: nginx
        ports:
        - containerPort: 80
        readinessProbe:
          httpGet: { port: 80 }
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: default
spec:
  selector: { app: web }
  ports:
  - port: 80
`;

let fx: LabFixture;
beforeAll(async () => {
  fx = await startTestLab();
});
afterAll(async () => {
  await fx.close();
});

describe("defaults", () => {
  it("kubectl diff right after kubectl create shows nothing", async () => {
    const created = await kubectl(fx, ["create", "-f", "-"], { input: MANIFEST });
    expect(created.stderr).toBe("");
    expect(created.code).toBe(0);
    const diff = await kubectl(fx, ["diff", "-f", "-"], { input: MANIFEST });
    expect(diff.stdout).toBe("");
    expect(diff.code).toBe(0);
  });

  it("a Deployment reads back with the pod spec, container, port and probe defaults, and no empty map", async () => {
    const out = await kubectl(fx, ["get", "deploy", "web", "-n", "default", "-o", "yaml"]);
    const deployment = parse(out.stdout) as { metadata: Record<string, unknown>; spec: { template: { metadata: Record<string, unknown>; spec: Record<string, unknown> } } };
    expect(deployment.metadata.labels).toBeUndefined();
    expect(deployment.spec.template.metadata.annotations).toBeUndefined();
    expect(deployment.spec.template.spec).toMatchObject({
      restartPolicy: "Always", dnsPolicy: "ClusterFirst", schedulerName: "default-scheduler", terminationGracePeriodSeconds: 30, securityContext: {},
      containers: [{
        name: "web", imagePullPolicy: "Always", terminationMessagePath: "/dev/termination-log", terminationMessagePolicy: "File",
        ports: [{ containerPort: 80, protocol: "TCP" }],
        readinessProbe: { httpGet: { port: 80, path: "/", scheme: "HTTP" }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
      }],
    });
  });

  it("a Service reads back with type, session affinity, IP families and targetPort defaulted", async () => {
    const out = await kubectl(fx, ["get", "svc", "web", "-n", "default", "-o", "yaml"]);
    const service = parse(out.stdout) as { spec: Record<string, unknown> };
    expect(service.spec).toMatchObject({
      type: "ClusterIP", sessionAffinity: "None", ipFamilies: ["IPv4"], ipFamilyPolicy: "SingleStack", internalTrafficPolicy: "Cluster",
      ports: [{ port: 80, protocol: "TCP", targetPort: 80 }],
    });
  });

  it("an image with a tag other than latest is IfNotPresent", async () => {
    const pod = "apiVersion: v1\nkind: Pod\nmetadata: { name: tagged, namespace: default }\nspec:\n  containers:\n  - { name: c, image: nginx:1.27 }\n";
    expect((await kubectl(fx, ["create", "-f", "-"], { input: pod })).code).toBe(0);
    const got = await kubectl(fx, ["get", "pod", "tagged", "-n", "default", "-o", "jsonpath={.spec.containers[0].imagePullPolicy}"]);
    expect(got.stdout).toBe("IfNotPresent");
  });
});

describe("kubectl's Strict field validation", () => {
  it("refuses an unknown ServiceEntry field with the decoder's words", async () => {
    const se = "apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: { name: typo, namespace: default }\nspec:\n  hosts: [a.example.com]\n  resolutoin: DNS\n";
    const res = await kubectl(fx, ["apply", "-f", "-"], { input: se });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('Error from server (BadRequest): error when creating "STDIN": ServiceEntry in version "v1" cannot be handled as a ServiceEntry: strict decoding error: unknown field "spec.resolutoin"');
    expect((await kubectl(fx, ["get", "serviceentry", "typo", "-n", "default"])).code).toBe(1);
  });
});
