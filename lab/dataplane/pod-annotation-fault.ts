// The FailRequests fault a console can inject through the Kubernetes API: a pod annotated
// `eastwest.dev/fault: fail-requests` answers every request on its container ports with 503, for as long as the
// annotation is there. Only the answers fail: the pod stays Running and Ready, so Endpoints keep it and the
// callers' sidecars keep sending to it until their outlier detection ejects it (what a real instance that fails
// requests looks like). The body is the one Envoy's fault filter sends when it aborts a request
// ("fault filter abort"): the real-cluster equivalent is that filter on the pod's inbound side.
//
// The strings are the product's contract (lib/drills/schema.ts); the lab keeps its own copy, as it imports no
// product file.
import type { KubeObject } from "../apiserver/types";
import type { PodTrafficFault } from "./types";

export const FAULT_ANNOTATION = "eastwest.dev/fault";
export const FAIL_REQUESTS = "fail-requests";
export const FAIL_REQUESTS_STATUS = 503;
export const FAIL_REQUESTS_BODY = "fault filter abort";

/** The fault the pod's annotations ask for, or undefined (an unknown value asks for nothing, as a typo should). */
export function annotationFault(pod: KubeObject): PodTrafficFault | undefined {
  const value = pod.metadata.annotations?.[FAULT_ANNOTATION];
  if (value !== FAIL_REQUESTS) return undefined;
  return { mode: "error", status: FAIL_REQUESTS_STATUS, body: FAIL_REQUESTS_BODY };
}

/**
 * The fault a pod's app shows: one set through the lab's admin endpoint wins (a test asked for exactly that);
 * otherwise the annotation's.
 */
export function effectiveFault(admin: PodTrafficFault | undefined, annotated: PodTrafficFault | undefined): PodTrafficFault {
  if (admin && admin.mode !== "none") return admin;
  return annotated ?? { mode: "none" };
}
