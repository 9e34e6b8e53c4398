// Field tables of the Kubernetes protobuf messages the lab decodes (k8s.io/api generated.proto, field numbers as
// upstream generates them). Only messages kubectl's typed `create` commands send (for the kinds the lab serves) are
// listed; unknown fields are skipped, as the protobuf decoder skips them. How zero values map to JSON:
// gogo-protobuf always writes non-pointer scalars (0, "", false) while JSON omits them when tagged omitempty, so
// "int"/"bool"/"string" drop zero values and "int!"/"bool!" (pointers, or JSON fields without omitempty) keep them.

export type Field =
  | { name: string; kind: "string" | "bytes" | "int" | "int!" | "bool" | "bool!" | "strings" | "intOrString" | "quantity" }
  | { name: string; kind: "message" | "messages"; schema: Schema }
  | { name: string; kind: "map"; value: "string" | "bytes" | "quantity" };
export type Schema = Record<number, Field>;

const s = (name: string): Field => ({ name, kind: "string" });
const i = (name: string): Field => ({ name, kind: "int" });
const ik = (name: string): Field => ({ name, kind: "int!" });
const b = (name: string): Field => ({ name, kind: "bool" });
const bk = (name: string): Field => ({ name, kind: "bool!" });
const strings = (name: string): Field => ({ name, kind: "strings" });
const msg = (name: string, schema: Schema): Field => ({ name, kind: "message", schema });
const msgs = (name: string, schema: Schema): Field => ({ name, kind: "messages", schema });
const strMap = (name: string): Field => ({ name, kind: "map", value: "string" });

const OWNER_REFERENCE: Schema = { 1: s("kind"), 3: s("name"), 4: s("uid"), 5: s("apiVersion"), 6: bk("controller"), 7: bk("blockOwnerDeletion") };

export const OBJECT_META: Schema = {
  1: s("name"), 2: s("generateName"), 3: s("namespace"), 5: s("uid"), 6: s("resourceVersion"), 11: strMap("labels"),
  12: strMap("annotations"), 13: msgs("ownerReferences", OWNER_REFERENCE), 14: strings("finalizers"),
};
const meta = msg("metadata", OBJECT_META);

const LABEL_SELECTOR: Schema = {
  1: strMap("matchLabels"),
  2: msgs("matchExpressions", { 1: s("key"), 2: s("operator"), 3: strings("values") }),
};

const CONTAINER_PORT: Schema = { 1: s("name"), 2: i("hostPort"), 3: ik("containerPort"), 4: s("protocol"), 5: s("hostIP") };
const ENV_VAR: Schema = { 1: s("name"), 2: s("value") };
const RESOURCES: Schema = { 1: { name: "limits", kind: "map", value: "quantity" }, 2: { name: "requests", kind: "map", value: "quantity" } };
const VOLUME_MOUNT: Schema = { 1: s("name"), 2: b("readOnly"), 3: s("mountPath"), 4: s("subPath"), 5: s("mountPropagation"), 6: s("subPathExpr") };

const CONTAINER: Schema = {
  1: s("name"), 2: s("image"), 3: strings("command"), 4: strings("args"), 5: s("workingDir"), 6: msgs("ports", CONTAINER_PORT),
  7: msgs("env", ENV_VAR), 8: msg("resources", RESOURCES), 9: msgs("volumeMounts", VOLUME_MOUNT), 13: s("terminationMessagePath"),
  14: s("imagePullPolicy"), 16: b("stdin"), 17: b("stdinOnce"), 18: b("tty"), 20: s("terminationMessagePolicy"),
};

const POD_SPEC: Schema = {
  2: msgs("containers", CONTAINER), 3: s("restartPolicy"), 4: ik("terminationGracePeriodSeconds"), 6: s("dnsPolicy"),
  7: strMap("nodeSelector"), 8: s("serviceAccountName"), 10: s("nodeName"), 11: b("hostNetwork"), 16: s("hostname"),
  17: s("subdomain"), 19: s("schedulerName"), 20: msgs("initContainers", CONTAINER), 21: bk("automountServiceAccountToken"),
  24: s("priorityClassName"), 29: s("runtimeClassName"), 30: bk("enableServiceLinks"),
};

export const POD_TEMPLATE_SPEC: Schema = { 1: meta, 2: msg("spec", POD_SPEC) };

const INT_OR_STRING: Field["kind"] = "intOrString";
const DEPLOYMENT_STRATEGY: Schema = {
  1: s("type"),
  2: msg("rollingUpdate", { 1: { name: "maxUnavailable", kind: INT_OR_STRING }, 2: { name: "maxSurge", kind: INT_OR_STRING } }),
};

const DEPLOYMENT_SPEC: Schema = {
  1: ik("replicas"), 2: msg("selector", LABEL_SELECTOR), 3: msg("template", POD_TEMPLATE_SPEC), 4: msg("strategy", DEPLOYMENT_STRATEGY),
  5: i("minReadySeconds"), 6: ik("revisionHistoryLimit"), 7: b("paused"), 9: ik("progressDeadlineSeconds"),
};

const SERVICE_PORT: Schema = {
  1: s("name"), 2: s("protocol"), 3: ik("port"), 4: { name: "targetPort", kind: INT_OR_STRING }, 5: i("nodePort"), 6: s("appProtocol"),
};

const SERVICE_SPEC: Schema = {
  1: msgs("ports", SERVICE_PORT), 2: strMap("selector"), 3: s("clusterIP"), 4: s("type"), 5: strings("externalIPs"),
  7: s("sessionAffinity"), 8: s("loadBalancerIP"), 9: strings("loadBalancerSourceRanges"), 10: s("externalName"),
  11: s("externalTrafficPolicy"), 12: i("healthCheckNodePort"), 13: b("publishNotReadyAddresses"), 17: s("ipFamilyPolicy"),
  18: strings("clusterIPs"), 19: strings("ipFamilies"), 20: bk("allocateLoadBalancerNodePorts"), 21: s("loadBalancerClass"),
  22: s("internalTrafficPolicy"), 23: s("trafficDistribution"),
};

const PDB_SPEC: Schema = {
  1: { name: "minAvailable", kind: INT_OR_STRING }, 2: msg("selector", LABEL_SELECTOR), 3: { name: "maxUnavailable", kind: INT_OR_STRING },
  4: s("unhealthyPodEvictionPolicy"),
};

const RESOURCE_ATTRIBUTES: Schema = { 1: s("namespace"), 2: s("verb"), 3: s("group"), 4: s("version"), 5: s("resource"), 6: s("subresource"), 7: s("name") };
const SSAR_SPEC: Schema = {
  1: msg("resourceAttributes", RESOURCE_ATTRIBUTES),
  2: msg("nonResourceAttributes", { 1: s("path"), 2: s("verb") }),
};

const POLICY_RULE: Schema = { 1: strings("verbs"), 2: strings("apiGroups"), 3: strings("resources"), 4: strings("resourceNames"), 5: strings("nonResourceURLs") };
const SUBJECT: Schema = { 1: s("kind"), 2: s("apiGroup"), 3: s("name"), 4: s("namespace") };
const ROLE_REF: Schema = { 1: s("apiGroup"), 2: s("kind"), 3: s("name") };

/** Messages by "<apiVersion>/<kind>", as the runtime.Unknown envelope names them. */
export const PROTO_SCHEMAS: Record<string, Schema> = {
  "v1/Namespace": { 1: meta, 2: msg("spec", { 1: strings("finalizers") }) },
  "v1/ConfigMap": { 1: meta, 2: strMap("data"), 3: { name: "binaryData", kind: "map", value: "bytes" }, 4: b("immutable") },
  "v1/Secret": { 1: meta, 2: { name: "data", kind: "map", value: "bytes" }, 3: s("type"), 4: strMap("stringData"), 5: b("immutable") },
  "v1/Service": { 1: meta, 2: msg("spec", SERVICE_SPEC) },
  "v1/ServiceAccount": { 1: meta, 4: bk("automountServiceAccountToken") },
  "v1/Pod": { 1: meta, 2: msg("spec", POD_SPEC) },
  "apps/v1/Deployment": { 1: meta, 2: msg("spec", DEPLOYMENT_SPEC) },
  "policy/v1/PodDisruptionBudget": { 1: meta, 2: msg("spec", PDB_SPEC) },
  "rbac.authorization.k8s.io/v1/Role": { 1: meta, 2: msgs("rules", POLICY_RULE) },
  "rbac.authorization.k8s.io/v1/ClusterRole": { 1: meta, 2: msgs("rules", POLICY_RULE) },
  "rbac.authorization.k8s.io/v1/RoleBinding": { 1: meta, 2: msgs("subjects", SUBJECT), 3: msg("roleRef", ROLE_REF) },
  "rbac.authorization.k8s.io/v1/ClusterRoleBinding": { 1: meta, 2: msgs("subjects", SUBJECT), 3: msg("roleRef", ROLE_REF) },
  // `kubectl auth can-i` and `kubectl auth whoami` post these (k8s.io/api authorization/v1, authentication/v1).
  "authorization.k8s.io/v1/SelfSubjectAccessReview": { 1: meta, 2: msg("spec", SSAR_SPEC) },
  "authentication.k8s.io/v1/SelfSubjectReview": { 1: meta },
};
