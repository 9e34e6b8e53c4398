// The failover input (the facts) and the full failoverStates rows of one workspace: the topology needs what the
// workspace page's cells drop (every remote check, the gateways' addresses and ready pods, the dialled addresses).
// One computation per change, shared with the workspace page: server/workspaces/failover-view.ts memoizes it on the
// fleet model's state and derives its cells from it. Re-exported here so server/topology and server/inspect read
// the scope's data from one place.
export { failoverDataOf, type FailoverData } from "@/server/workspaces/failover-view";
