/**
 * The roles of Laufweg (issue 5). Roles come from the identity provider's token; unknown ones are
 * ignored.
 * - `designer`: deploys and tests routes.
 * - `caseworker`: works on user tasks.
 * - `team`: the OZG project team; reads everything of its tenants, runs scenarios, handles incidents.
 * - `admin`: tenants, retention, users' tenant memberships.
 * - `intake`: the state portal; submits applications only.
 * - `worker`: machine clients of external job workers (connectors, scripts) that activate and
 *   complete service-task jobs through `/api/v1/jobs`.
 */
export const ROLES = ['designer', 'caseworker', 'team', 'admin', 'intake', 'worker'] as const;
export type Role = (typeof ROLES)[number];

/** A caller's membership in one tenant (municipality): the groups that decide which tasks it may claim. */
export interface TenantMembership {
  readonly groups: readonly string[];
}

/**
 * Who is calling, as the authentication guard established it from a verified bearer token and
 * the tenant memberships an admin keeps in the database. Controllers receive it through
 * `@CurrentCaller()`; services pass `tenantId` explicitly after `assertTenant`.
 */
export interface Caller {
  /** The token's `sub`. */
  readonly subject: string;
  readonly displayName: string;
  readonly roles: ReadonlySet<Role>;
  /**
   * Tenant id -> membership. A caller sees nothing of a tenant it is not a member of. For an
   * `admin` the guard lists every existing tenant (with empty groups where it is no member), so
   * `assertTenant` lets an admin into every tenant that exists.
   */
  readonly tenants: ReadonlyMap<string, TenantMembership>;
}
