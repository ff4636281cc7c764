import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { problemType } from '../problem/problem-details';

/** OpenAPI for a protected route or controller: the bearer scheme and its 401 and 403 answers. */
export const ApiAuth = (): MethodDecorator & ClassDecorator =>
  applyDecorators(
    ApiBearerAuth(),
    ApiUnauthorizedResponse({
      description: 'No valid bearer token (problem+json); the detail says what was wrong with it.',
      schema: { example: { type: problemType('unauthorized'), title: 'Unauthorized', status: 401, detail: 'The token expired at 2026-11-28T17:30:00.000Z; sign in again.' } },
    }),
    ApiForbiddenResponse({
      description: 'The caller lacks the role the route needs (problem+json).',
      schema: { example: { type: problemType('forbidden'), title: 'Forbidden', status: 403, detail: 'This needs the role admin; you have caseworker.' } },
    }),
  );

/** OpenAPI for a route under /api/v1/tenants/:tenantId: the 404 of `assertTenant`. */
export const ApiTenantNotFoundResponse = (description = 'The tenant does not exist or the caller is not a member (problem+json).'): MethodDecorator & ClassDecorator =>
  ApiNotFoundResponse({
    description,
    schema: { example: { type: problemType('tenant-not-found'), title: 'Tenant not found', status: 404, detail: "Tenant 'leipzig' does not exist or you are not a member." } },
  });
