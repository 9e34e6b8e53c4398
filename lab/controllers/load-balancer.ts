// The cloud load balancer stand-in: every LoadBalancer Service gets three external addresses (as a cloud LB spans
// three zones), each a real loopback address so the lab's data plane can listen on it. They are derived from
// (cluster, namespace, name) alone, so they survive lab restarts: 127.A.B.1-3 with A in 1..199 and B in 0..255
// from a hash (never 127.0.0.x, which other local software uses; 127.200+ are pods' addresses, lab/dataplane/addresses.ts).
//
// Some clouds name their load balancers by DNS instead (AWS's ELB/NLB publish `status.loadBalancer.ingress[]`
// with a `hostname` and no `ip`). A Service annotated with LOAD_BALANCER_HOSTNAME_ANNOTATION gets that: the one
// hostname as its ingress, which a resolver outside the lab maps to the same loopback addresses.
import { createHash } from "node:crypto";

export const LOAD_BALANCER_HOSTNAME_ANNOTATION = "lab.eastwest.dev/load-balancer-hostname";

/** (namespace, name, isTaken) → a LoadBalancer Service's IPs, avoiding those `isTaken` says another Service holds. */
export type LoadBalancerAddresses = (namespace: string, name: string, isTaken?: (ip: string) => boolean) => string[];

export function loadBalancerAddresses(cluster: string, namespace: string, name: string): string[] {
  const digest = createHash("sha256").update(`${cluster}/${namespace}/${name}`).digest();
  const a = ((digest[0] ?? 0) % 199) + 1;
  const b = digest[1] ?? 0;
  return [1, 2, 3].map((host) => `127.${a}.${b}.${host}`);
}

/**
 * `status.loadBalancer.ingress` for a LoadBalancer Service: its DNS name when annotated with one, else its IPs.
 * `addresses` (namespace, name) → IPs: the lab's address plan when its data plane runs (lab/dataplane/address-plan.ts,
 * so concurrent labs never share an address); the hash above otherwise.
 */
export function loadBalancerIngress(
  cluster: string,
  namespace: string,
  name: string,
  annotations: Record<string, string> = {},
  addresses: LoadBalancerAddresses = (ns, n) => loadBalancerAddresses(cluster, ns, n),
  isTaken: (ip: string) => boolean = () => false,
): Array<Record<string, string>> {
  const hostname = annotations[LOAD_BALANCER_HOSTNAME_ANNOTATION]?.trim() ?? "";
  if (hostname !== "") return [{ hostname }];
  return addresses(namespace, name, isTaken).map((ip) => ({ ip, ipMode: "VIP" }));
}
