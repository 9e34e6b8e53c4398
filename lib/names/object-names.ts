// Names of the objects the planner generates. The shadow WorkloadEntry spelling and the ServiceEntry
// prefix are XCP's (seed listing, observed dumps); the hash input is domain.md's [decided] rule.
import { dashedFqdn } from "./fqdn";
import { md5Hex } from "./md5";

/**
 * The 32-hex part of a shadow WorkloadEntry name: MD5 of `<sourceCluster>/<namespace>/<service>`. `md5` is any
 * MD5-as-lowercase-hex (a server's planner passes node:crypto's, which is faster); the result is the same.
 */
export function shadowHash(sourceCluster: string, namespace: string, service: string, md5: (text: string) => string = md5Hex): string {
  return md5(`${sourceCluster}/${namespace}/${service}`);
}

/** `k-<service>-<hash>` for the first address (index 0), then `-2`, `-3` … as in the seed's listing. */
export function shadowWorkloadEntryName(service: string, hashHex: string, index: number): string {
  const base = `k-${service}-${hashHex}`;
  return index === 0 ? base : `${base}-${index + 1}`;
}

/** XCP's ServiceEntry name in `xcp-multicluster`: `global-gwinternal-<fqdn with dots as dashes>`. */
export function serviceEntryName(fqdn: string): string {
  return `global-gwinternal-${dashedFqdn(fqdn)}`;
}

/** The failover DestinationRule shares the ServiceEntry's spelling so the two are easy to pair up. */
export function destinationRuleName(fqdn: string): string {
  return serviceEntryName(fqdn);
}

/** One passthrough Istio Gateway per east-west gateway: `<gateway name>-passthrough`. */
export function passthroughGatewayName(gatewayName: string): string {
  return `${gatewayName}-passthrough`;
}
