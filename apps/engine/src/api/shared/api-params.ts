import { applyDecorators } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiParam, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { problemExample } from './api-problems';

/** The base path of every tenant-scoped route. */
export const TENANT_PATH = 'api/v1/tenants/:tenantId';

/** Decimal keys as the engine hands them out (bigint, sent as strings). */
export const KEY_EXAMPLE = '2251799813685312';

/**
 * What every tenant-scoped route documents: bearer authentication, the tenant parameter, and the
 * answers for a missing token (401), a missing role (403), an unknown or foreign tenant (404) and
 * a bad request (400), each problem+json.
 */
export function TenantRoute(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiBearerAuth(),
    ApiParam({ name: 'tenantId', description: 'The municipality (tenant) id.', example: '14511000' }),
    ApiUnauthorizedResponse({ description: 'No valid bearer token (problem+json).' }),
    ApiForbiddenResponse({ description: 'The caller lacks the role the route needs (problem+json).' }),
    ApiNotFoundResponse({
      description: 'The tenant does not exist or the caller is no member, or the named record does not exist in it (problem+json).',
      schema: problemExample('tenant-not-found', 'Tenant not found', 404, "Tenant '14511000' does not exist or you are not a member."),
    }),
    ApiBadRequestResponse({ description: 'Malformed JSON, unknown fields or wrong types (problem+json).' }),
  );
}

/** `@ApiParam` for a key path parameter. */
export function KeyParam(name: string, description: string): MethodDecorator {
  return ApiParam({ name, description, example: KEY_EXAMPLE });
}
