/** What feature modules use of authentication: the caller, the decorators and the tenant check. */
export { ROLES, type Role, type Caller, type TenantMembership } from './caller';
export { Roles, Public, CurrentCaller, ROLES_KEY, PUBLIC_KEY } from './auth.decorators';
export { assertTenant } from './assert-tenant';
export { forbiddenProblem, tenantNotFoundProblem, unauthorizedProblem } from './auth-problems';
export type { AuthenticatedRequest } from './authentication.guard';
export { TenantMembershipRepository } from './tenant-membership.repository';
export { ApiAuth, ApiTenantNotFoundResponse } from './api-auth.decorators';
