// The root-ca-cert-publisher: every namespace gets the `kube-root-ca.crt` ConfigMap (since Kubernetes 1.20), so
// `kubectl get configmaps -n <ns>` is never empty in a real cluster and neither is it here. The PEM block is a
// per-cluster placeholder (the lab serves plain HTTP; nothing verifies against it).
import { createHash } from "node:crypto";
import type { KubeObject } from "../apiserver/types";
import type { Controller, ControllerContext } from "./context";
import { requireType } from "./object-util";
import { createWorkQueue } from "./work-queue";

const NAME = "kube-root-ca.crt";
const DESCRIPTION =
  "Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usages are guaranteed across distributions of Kubernetes clusters.";

function placeholderPem(cluster: string): string {
  const body = Array.from({ length: 12 }, (_, i) => createHash("sha512").update(`${cluster}/${i}`).digest("base64").slice(0, 64));
  return `-----BEGIN CERTIFICATE-----\n${body.join("\n")}\n-----END CERTIFICATE-----\n`;
}

export function startRootCaPublisher(ctx: ControllerContext): Controller {
  const configMapType = requireType(ctx.store.types, "", "ConfigMap");
  const namespaces = ctx.informers.for(ctx.kinds.namespace);
  const configMaps = ctx.informers.for(configMapType);
  const data = { "ca.crt": placeholderPem(ctx.store.cluster) };

  const reconcile = (namespace: string): void => {
    const ns = namespaces.get(undefined, namespace);
    if (!ns || ns.metadata.deletionTimestamp || configMaps.get(namespace, NAME)) return;
    const cm: KubeObject = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: NAME, namespace, annotations: { "kubernetes.io/description": DESCRIPTION } }, data };
    ctx.store.create(configMapType, cm, { fieldManager: "kube-controller-manager" });
  };

  const queue = createWorkQueue("root-ca-cert-publisher", reconcile);
  namespaces.addHandler((event) => {
    if (event.type !== "DELETED") queue.add(event.object.metadata.name ?? "");
  });
  configMaps.addHandler((event) => {
    if (event.type === "DELETED" && event.object.metadata.name === NAME) queue.add(event.object.metadata.namespace ?? "");
  });
  return { name: "root-ca-cert-publisher", idle: queue.idle, stop: queue.stop };
}
