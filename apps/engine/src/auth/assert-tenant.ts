import type { Caller, TenantMembership } from './caller';
import { tenantNotFoundProblem } from './auth-problems';

/**
 * The scope check of every `/api/v1/tenants/:tenantId/...` route: returns the caller's membership
 * in the tenant, or throws 404 `urn:laufweg:problem:tenant-not-found` ("... does not exist or you
 * are not a member") — the same answer for a missing and a foreign tenant. An admin passes for
 * every existing tenant (the guard lists them all for an admin, with empty groups where it is no
 * member). Pass the tenant id on to services only after this check.
 */
export function assertTenant(caller: Caller, tenantId: string): TenantMembership {
  const membership = caller.tenants.get(tenantId);
  if (!membership) throw tenantNotFoundProblem(tenantId);
  return membership;
}
