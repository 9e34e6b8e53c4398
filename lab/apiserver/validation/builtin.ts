// The registry strategies' Validate/ValidateUpdate for built-in kinds, after defaulting: ObjectMeta's labels and
// annotations for every kind, then each kind's own rules. Status and scale writes validate what they may change
// (the spec is carried over unchanged, so only the Deployment's replicas can newly fail, through /scale).
import type { FieldError } from "../status";
import type { KubeObject, ResourceType } from "../types";
import { validateConfigMap, validateSecret } from "./config-data";
import { validateDeployment } from "./deployment";
import { validateNetworkPolicy } from "./network-policy";
import { validatePodDisruptionBudget } from "./pod-disruption-budget";
import { validateMetaMaps } from "./object-meta-rules";
import { validatePod } from "./pod";
import { validateService } from "./service";

type KindRule = (object: KubeObject, existing?: KubeObject) => FieldError[];

const RULES: Record<string, KindRule> = {
  "apps/Deployment": validateDeployment,
  "apps/ReplicaSet": validateDeployment,
  "/Pod": (object) => validatePod(object),
  "/Service": validateService,
  "/ConfigMap": (object) => validateConfigMap(object),
  "/Secret": (object) => validateSecret(object),
  "networking.k8s.io/NetworkPolicy": (object) => validateNetworkPolicy(object),
  "policy/PodDisruptionBudget": (object) => validatePodDisruptionBudget(object),
};

export function builtinErrors(type: ResourceType, object: KubeObject, existing?: KubeObject): FieldError[] {
  const rule = type.custom ? undefined : RULES[`${type.group}/${type.kind}`];
  return [...validateMetaMaps(object.metadata, "metadata"), ...(rule ? rule(object, existing) : [])];
}
