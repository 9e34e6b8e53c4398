// etcd refuses a value over its request limit (--max-request-bytes, 1.5 MiB by default) and the apiserver passes
// the error on untranslated: ErrorToAPIStatus turns an error that is not a Status into 500 with reason Unknown
// (the empty string, so no reason field) and the error's text. kubectl prints it as
// "Error from server: etcdserver: request is too large". The lab measures the object as it would store it (JSON),
// but only when the request could have made it that large (a body of over 256 KiB): serialising every object on
// every write costs the in-process controllers' tight loops (leases renewed every 100 ms) more than it is worth.
// An object already near the limit that a small patch pushes over it is therefore not caught.
import { failure } from "../status";
import { StatusError, type KubeObject } from "../types";

export const ETCD_MAX_REQUEST_BYTES = 1.5 * 1024 * 1024;

const WORTH_MEASURING = 256 * 1024;

/** `requestBytes`: the body's size; `object`: what would be stored. */
export function checkObjectSize(object: KubeObject, requestBytes: number): void {
  if (requestBytes < WORTH_MEASURING) return;
  if (Buffer.byteLength(JSON.stringify(object)) <= ETCD_MAX_REQUEST_BYTES) return;
  const status = failure(500, "", "etcdserver: request is too large");
  delete status.reason;
  throw new StatusError(status);
}
