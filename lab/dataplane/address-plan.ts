// Where each lab cluster's data plane listens. Every address is a real loopback address (Linux routes all of
// 127.0.0.0/8 to `lo`), and several labs run at once on one machine (the e2e run starts two; test files start
// their own), so each running lab holds its own /16: 127.<block>.0.0/16, claimed by address-block.ts.
// Inside it, cluster i owns the third octets [i*span, (i+1)*span):
//   - its first /24 holds load balancer addresses: three per LoadBalancer Service (a cloud LB spans three zones),
//     at a slot hashed from namespace/name, so they are stable for a given lab block; when another Service of the
//     cluster holds that slot (84 slots, so two Services meet with probability 1/84), the next free one;
//   - the rest holds its pods: status.podIP 10.244.c.d (what a cluster shows, allocators.ts) maps to the n-th
//     address, n = c*254 + d - 1, skipping .0 and .255.
// Pure: no I/O (the claim is address-block.ts).
import { createHash } from "node:crypto";

export const MAX_LAB_CLUSTERS = 64;

export interface AddressPlan {
  /** The lab's block: 127.<block>.0.0/16. */
  block: number;
  clusters: number;
  /** Third octets per cluster. */
  span: number;
  /** The loopback address a pod answers on, or undefined when its IP is not a lab pod IP or does not fit. */
  podAddress(clusterIndex: number, podIP: string): string | undefined;
  /**
   * Three addresses for a LoadBalancer Service of cluster `clusterIndex`: its hashed slot, or the next slot none of
   * whose addresses `isTaken` (by another Service of the cluster); the hashed slot when every slot is taken.
   */
  loadBalancerAddresses(clusterIndex: number, namespace: string, name: string, isTaken?: (ip: string) => boolean): string[];
}

const LB_SLOTS = 84; // 84 × 3 = 252 addresses (.1–.252) in the cluster's first /24

export function createAddressPlan(block: number, clusters: number): AddressPlan {
  if (!Number.isInteger(block) || block < 1 || block > 254) throw new Error(`lab: address block must be 1..254 (got ${block})`);
  if (!Number.isInteger(clusters) || clusters < 1 || clusters > MAX_LAB_CLUSTERS) throw new Error(`lab: 1..${MAX_LAB_CLUSTERS} clusters have addresses (got ${clusters})`);
  const span = Math.floor(255 / clusters); // third octet 255 is never used
  const inRange = (i: number): boolean => Number.isInteger(i) && i >= 0 && i < clusters;
  return {
    block,
    clusters,
    span,
    podAddress(clusterIndex, podIP) {
      if (!inRange(clusterIndex)) return undefined;
      const m = /^10\.244\.(\d{1,3})\.(\d{1,3})$/.exec(podIP);
      if (!m) return undefined;
      const [c, d] = [Number(m[1]), Number(m[2])];
      if (c > 255 || d < 1 || d > 254) return undefined;
      const n = c * 254 + d - 1;
      const third = clusterIndex * span + 1 + Math.floor(n / 254);
      if (third >= (clusterIndex + 1) * span) return undefined;
      return `127.${block}.${third}.${(n % 254) + 1}`;
    },
    loadBalancerAddresses(clusterIndex, namespace, name, isTaken = () => false) {
      if (!inRange(clusterIndex)) throw new Error(`lab: no cluster ${clusterIndex} in this address plan`);
      const digest = createHash("sha256").update(`${namespace}/${name}`).digest();
      const hashed = digest.readUInt16BE(0) % LB_SLOTS;
      const at = (slot: number): string[] => [1, 2, 3].map((k) => `127.${block}.${clusterIndex * span}.${slot * 3 + k}`);
      for (let i = 0; i < LB_SLOTS; i++) {
        const addresses = at((hashed + i) % LB_SLOTS);
        if (!addresses.some(isTaken)) return addresses;
      }
      return at(hashed);
    },
  };
}

/** How many pods a cluster of this plan can give an address to. */
export function podCapacity(plan: AddressPlan): number {
  return (plan.span - 1) * 254;
}
