// Conditions are how the planner reports bad, contradictory or incomplete input: data a person can act on,
// never an exception and never a half-written plan. Each carries the workspace/cluster/object it is about.

export type ConditionSeverity = "error" | "warning" | "info";

export type ConditionReason =
  | "DuplicateCluster"
  | "InvalidNamespacePattern"
  | "NamespacePatternMatchesNothing"
  | "NoWorkspaceSetting"
  | "InvalidExposedService"
  | "ExposedServiceNotFound"
  | "ExposedServiceOutsideWorkspace"
  | "GatewayServiceExposed"
  | "EmptyWorkloadSelector"
  | "NoMatchingGateway"
  | "GatewayWithout15443"
  | "SeveralGateways"
  | "GatewayWithoutAddresses"
  | "InvalidGatewayAddress"
  | "RejectedGatewayAddress"
  | "TooManyGatewayAddresses"
  | "UnresolvedGatewayHostname"
  | "NoReachableSource"
  | "LocalServiceOutsideWorkspace"
  | "ServiceWithoutSelector"
  | "UnnamedServicePort"
  | "UnsupportedPortProtocol"
  | "PortsDiffer"
  | "MissingNamespace"
  | "UserDestinationRule"
  | "UserDestinationRuleWithoutOutlierDetection"
  | "ConflictingObject"
  | "InvalidObjectName"
  | "StaleCluster";

export type Condition = {
  severity: ConditionSeverity;
  reason: ConditionReason;
  /** One sentence saying what is wrong and what to do about it. */
  message: string;
  workspace?: string;
  cluster?: string;
  /** What it is about, `Kind namespace/name` or an FQDN. */
  subject?: string;
};

const key = (c: Condition): string =>
  [c.workspace ?? "", c.cluster ?? "", c.reason, c.subject ?? "", c.message].join("\u0000");

/** Sorted and de-duplicated, so equal inputs give byte-identical condition lists. */
export function normalizeConditions(conditions: Condition[]): Condition[] {
  const byKey = new Map<string, Condition>();
  for (const c of conditions) byKey.set(key(c), c);
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, c]) => c);
}
