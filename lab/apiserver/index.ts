// The lab API server's public surface (see docs/team-brief.md "Interfaces between the parts").
export { createTypeRegistry } from "./types-registry";
export { createClusterStore, type ClusterStoreOptions } from "./store";
export { createApiServer, type ApiServer, type ApiServerOptions } from "./server";
export type { ApiFault } from "./faults";
export type { LogProvider } from "./context";
export * from "./types";
export type { AuthConfig, TokenUser } from "./auth/authenticate";
export type { UserInfo } from "./auth/identity";
export type { AuditEntry } from "./auth/audit";
export { clusterRole, clusterRoleBinding, ensureObjects, group, user } from "./auth/bootstrap-policy";
