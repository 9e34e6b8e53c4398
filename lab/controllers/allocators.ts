// Per-cluster pod IPs from 10.244.0.0/16 (the kind/flannel pod CIDR), handed out by the kubelet as pods start and
// reused after release, as the CNI's host-local IPAM does. (Service cluster IPs and NodePorts are the apiserver's.)

export interface Allocator<T> {
  allocate(): T;
  /** Marks a value taken (one found at start or set elsewhere). */
  reserve(value: T): void;
  release(value: T): void;
}

const HOSTS_PER_BLOCK = 254; // .1-.254 of each /24

function toIp(n: number): string {
  return `10.244.${Math.floor(n / HOSTS_PER_BLOCK)}.${(n % HOSTS_PER_BLOCK) + 1}`;
}

function fromIp(ip: string): number | undefined {
  const [a, b, c, d] = ip.split(".").map(Number);
  if (a !== 10 || b !== 244 || c === undefined || d === undefined) return undefined;
  return c * HOSTS_PER_BLOCK + d - 1;
}

export function createPodIPAllocator(): Allocator<string> {
  const used = new Set<number>();
  const size = 256 * HOSTS_PER_BLOCK;
  // 10.244.0.1 is the node's bridge; pods start at 10.244.0.2.
  let next = 1;
  return {
    allocate() {
      for (let i = 0; i < size; i++) {
        const candidate = next;
        next = (next + 1) % size || 1;
        if (!used.has(candidate)) {
          used.add(candidate);
          return toIp(candidate);
        }
      }
      throw new Error("lab: the pod CIDR 10.244.0.0/16 is full");
    },
    reserve(ip) {
      const n = fromIp(ip);
      if (n !== undefined) used.add(n);
    },
    release(ip) {
      const n = fromIp(ip);
      if (n !== undefined) used.delete(n);
    },
  };
}

export interface ClusterAllocators {
  podIPs: Allocator<string>;
}

export function createClusterAllocators(): ClusterAllocators {
  return { podIPs: createPodIPAllocator() };
}
