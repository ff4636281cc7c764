import { ForbiddenException, NotFoundException, ServiceUnavailableException, UnauthorizedException } from '@nestjs/common';
import { problemType } from '../problem/problem-details';

/** 401 `urn:laufweg:problem:unauthorized`: no valid token; `detail` says what was wrong with it. */
export function unauthorizedProblem(detail: string): UnauthorizedException {
  return new UnauthorizedException({ type: problemType('unauthorized'), title: 'Unauthorized', status: 401, detail });
}

/** 403 `urn:laufweg:problem:forbidden`: the caller lacks a role or a right the route needs. */
export function forbiddenProblem(detail: string): ForbiddenException {
  return new ForbiddenException({ type: problemType('forbidden'), title: 'Forbidden', status: 403, detail });
}

/** 404 `urn:laufweg:problem:tenant-not-found`: the same answer whether the tenant is missing or foreign, so ids leak nothing. */
export function tenantNotFoundProblem(tenantId: string): NotFoundException {
  return new NotFoundException({
    type: problemType('tenant-not-found'),
    title: 'Tenant not found',
    status: 404,
    detail: `Tenant '${tenantId}' does not exist or you are not a member.`,
  });
}

/** 503 `urn:laufweg:problem:identity-provider-unavailable`: tokens cannot be checked right now. */
export function identityProviderUnavailableProblem(issuer: string): ServiceUnavailableException {
  return new ServiceUnavailableException({
    type: problemType('identity-provider-unavailable'),
    title: 'Identity provider unavailable',
    status: 503,
    detail: `The keys of the identity provider ${issuer} cannot be fetched, so no token can be checked. Try again shortly; operators find the cause in the log.`,
  });
}
