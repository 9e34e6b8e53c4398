// Who a request acts as (user.Info) and what it asks to do (authorizer.Attributes), as the apiserver's
// authentication and authorization layers pass them along.

export interface UserInfo {
  name: string;
  uid?: string;
  groups: string[];
}

export type Attributes =
  | {
      resourceRequest: true;
      verb: string;
      apiGroup: string;
      resource: string;
      subresource?: string;
      namespace?: string;
      name?: string;
    }
  | { resourceRequest: false; verb: string; path: string };

/** Members of this group bypass authorization entirely (upstream's privileged-group authorizer). */
export const MASTERS_GROUP = "system:masters";
export const AUTHENTICATED_GROUP = "system:authenticated";
export const UNAUTHENTICATED_GROUP = "system:unauthenticated";
export const ANONYMOUS_USER = "system:anonymous";

/** groups plus system:authenticated, as every authenticator but the anonymous one adds it (no duplicates). */
export function withAuthenticated(groups: string[]): string[] {
  return groups.includes(AUTHENTICATED_GROUP) ? [...groups] : [...groups, AUTHENTICATED_GROUP];
}
