// The cloud load balancer stand-in: every LoadBalancer Service gets three external addresses (as a cloud LB spans
// three zones), each a real loopback address so the lab's data plane can listen on it. They are derived from
// (cluster, namespace, name) alone, so they survive lab restarts: 127.A.B.1-3 with A in 1..254 and B in 0..255
// from a hash (never 127.0.0.x, which other local software uses).
import { createHash } from "node:crypto";

export function loadBalancerAddresses(cluster: string, namespace: string, name: string): string[] {
  const digest = createHash("sha256").update(`${cluster}/${namespace}/${name}`).digest();
  const a = ((digest[0] ?? 0) % 254) + 1;
  const b = digest[1] ?? 0;
  return [1, 2, 3].map((host) => `127.${a}.${b}.${host}`);
}
