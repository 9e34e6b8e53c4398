// deploy/overlays, rendered as `kubectl apply -k` would: each is a console a cluster would run and the console
// would start with. The pod passes PodSecurity `restricted`, probes the health endpoints, runs two replicas with
// requests and limits; the settings parse as server/env.ts and server/auth/settings.ts parse them (a typo in a
// variable's value would otherwise surface only as a crash-looping pod).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseAuthSettings } from "@/server/auth/settings";
import { parseEnv } from "@/server/env";
import { find, OVERLAYS, overlayDir, renderObjects, type Rendered } from "./test/render";

type Container = { securityContext?: Record<string, unknown>; resources?: { requests?: object; limits?: { memory?: string } }; livenessProbe?: { httpGet?: { path: string } }; readinessProbe?: { httpGet?: { path: string } }; envFrom?: Array<{ configMapRef?: { name: string }; secretRef?: { name: string } }> };
type PodSpec = { securityContext?: Record<string, unknown>; containers: Container[]; hostNetwork?: boolean; volumes?: Array<Record<string, unknown>> };
const podOf = (d: Rendered) => (d as unknown as { spec: { replicas: number; template: { spec: PodSpec } } }).spec;

/** A Secret's keys with values of the right shape (the real ones are created by hand, never committed). */
const SECRET_VALUES: Record<string, Record<string, string>> = {
  "eastwest-oidc": { EASTWEST_OIDC_CLIENT_SECRET: "client-secret", EASTWEST_SESSION_SECRET: "k3Jd9x8Qw2Lz7Vb4Nm1Pt6Rs0Yh5Gc3Ea8UfT2" },
};

describe.each(OVERLAYS)("deploy/overlays/%s", (overlay) => {
  it("runs two replicas of a PodSecurity-restricted pod with probes, requests and limits", async () => {
    const objects = await renderObjects(overlayDir(overlay));
    const deployment = find(objects, "Deployment", "eastwest-console");
    expect(deployment).toBeDefined();
    const spec = podOf(deployment as Rendered);
    expect(spec.replicas).toBe(2);
    const pod = spec.template.spec;
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } });
    expect(pod.hostNetwork).toBeUndefined();
    expect(pod.volumes?.every((v) => !("hostPath" in v))).toBe(true);
    for (const c of pod.containers) {
      expect(c.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } });
      expect(c.livenessProbe?.httpGet?.path).toBe("/healthz");
      expect(c.readinessProbe?.httpGet?.path).toBe("/readyz");
      expect(c.resources?.requests).toBeDefined();
      expect(c.resources?.limits?.memory).toBeDefined();
    }
    expect(find(objects, "NetworkPolicy", "eastwest-console")).toBeDefined();
    expect(find(objects, "CustomResourceDefinition", "failoverdrills.eastwest.dev")).toBeDefined();
  });

  it("gives the console settings it starts with, in an authenticated mode", async () => {
    const objects = await renderObjects(overlayDir(overlay));
    const pod = podOf(find(objects, "Deployment", "eastwest-console") as Rendered).template.spec;
    const refs = pod.containers[0]?.envFrom ?? [];
    const configName = refs.find((r) => r.configMapRef)?.configMapRef?.name ?? "";
    const config = objects.find((o) => o.kind === "ConfigMap" && o.metadata.name === configName) as (Rendered & { data: Record<string, string> }) | undefined;
    expect(config, `the ConfigMap ${configName} the pod reads`).toBeDefined();
    const secrets = Object.assign({}, ...refs.flatMap((r) => (r.secretRef ? [SECRET_VALUES[r.secretRef.name] ?? {}] : []))) as Record<string, string>;
    const env: Record<string, string | undefined> = { ...config?.data, ...secrets, KUBERNETES_SERVICE_HOST: "10.96.0.1" };
    // EASTWEST_ROLES names the mounted roles file: read the overlay's own copy of it.
    const readFile = (file: string) => readFileSync(path.join(overlayDir(overlay), path.basename(file)), "utf8");
    const auth = parseAuthSettings(env, readFile);
    expect(auth.ok ? "ok" : auth.message).toBe("ok");
    expect(auth.ok && auth.settings.mode).not.toBe("none");
    // The rest as server/env.ts reads it at start-up (the roles file is not at its mounted path here).
    expect(() => parseEnv({ ...env, EASTWEST_ROLES: undefined }, "/home/console")).not.toThrow();
  });
});
