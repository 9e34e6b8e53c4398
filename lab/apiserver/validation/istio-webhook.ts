// istiod's validating admission webhook as a cluster with Istio runs it for networking.istio.io kinds on create and
// update. istiod answers a refusal with only a message ("configuration is invalid: <errors>", several errors as
// hashicorp/go-multierror lists them); the apiserver (webhook errors.ToStatusErr) makes that a 400 Failure with
// no reason and prefixes `admission webhook "validation.istio.io" denied the request: `.
import { isRecord } from "../object-util";
import { failure } from "../status";
import { StatusError, type KubeObject, type ResourceType } from "../types";
import { serviceEntryErrors, workloadEntryErrors } from "./istio-service-entry";
import { destinationRuleErrors, gatewayErrors, virtualServiceErrors } from "./istio-routing";

export const ISTIO_WEBHOOK = "validation.istio.io";

/** go-multierror's ListFormatFunc, as istiod's AppendValidation only makes a multierror from the second error on. */
export function multiError(errors: string[]): string {
  if (errors.length === 1) return errors[0] ?? "";
  return `${errors.length} errors occurred:\n\t${errors.map((e) => `* ${e}`).join("\n\t")}\n\n`;
}

function errorsFor(kind: string, object: KubeObject): string[] {
  const spec = isRecord(object.spec) ? object.spec : {};
  if (kind === "ServiceEntry") return serviceEntryErrors(spec);
  if (kind === "WorkloadEntry") return workloadEntryErrors(spec, undefined, true);
  if (kind === "Gateway") return gatewayErrors(object.metadata.name ?? "", spec);
  if (kind === "DestinationRule") return destinationRuleErrors(spec);
  if (kind === "VirtualService") return virtualServiceErrors(spec);
  return [];
}

export function admitIstioWebhook(type: ResourceType, object: KubeObject): void {
  if (type.group !== "networking.istio.io") return;
  const errors = errorsFor(type.kind, object);
  if (errors.length === 0) return;
  const message = `admission webhook "${ISTIO_WEBHOOK}" denied the request: configuration is invalid: ${multiError(errors)}`;
  const status = failure(400, "", message);
  delete status.reason;
  throw new StatusError(status);
}
