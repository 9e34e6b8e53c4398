// What the planner says about the addresses a gateway publishes (lib/plan/gateway-addresses.ts): rejected,
// invalid, unresolved, too many, or none usable. The workspace page reads these conditions, so a gateway whose
// addresses other clusters cannot use is never shown "Ready" just because its Service lists something.
export const ADDRESS_REASONS: ReadonlySet<string> = new Set([
  "RejectedGatewayAddress",
  "InvalidGatewayAddress",
  "UnresolvedGatewayHostname",
  "TooManyGatewayAddresses",
  "GatewayWithoutAddresses",
]);

/** The parts of a planner or registry condition read here. */
export type AddressCondition = { reason: string; message: string; cluster?: string; subject?: string };

export type AddressProblems = { problems: string[]; blocking: boolean };

const sentence = (message: string) => message.replace(/\.$/, "");

/**
 * The gateway's address problems as sentences. "No address published" is already said from the Service itself
 * while a load balancer is pending, so GatewayWithoutAddresses is added only when the Service lists addresses
 * (every one of them was refused). Any of them keeps the gateway from being Ready.
 */
export function addressProblemsOf(conditions: readonly AddressCondition[], gw: { cluster: string; namespace: string; name: string }, listsAddresses: boolean): AddressProblems {
  const subject = `IngressGateway ${gw.namespace}/${gw.name}`;
  const mine = conditions.filter((c) => c.cluster === gw.cluster && c.subject === subject && ADDRESS_REASONS.has(c.reason));
  const shown = mine.filter((c) => c.reason !== "GatewayWithoutAddresses" || listsAddresses);
  const problems = [...new Set(shown.map((c) => sentence(c.message)))];
  return { problems, blocking: problems.length > 0 };
}
