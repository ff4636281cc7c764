import type { JWTPayload } from 'jose';
import { type Role, ROLES } from './caller';

const KNOWN_ROLES: ReadonlySet<string> = new Set(ROLES);

/**
 * The Laufweg roles a verified token grants: the values of `rolesClaim` (an array of strings, or
 * one string of space- or comma-separated names; a dotted name such as
 * `resource_access.laufweg.roles` is followed into nested objects when no claim has that exact
 * name) together with Keycloak's realm roles (`realm_access.roles`). Unknown roles are ignored:
 * an identity provider serves many applications.
 */
export function rolesFromClaims(claims: JWTPayload, rolesClaim: string): ReadonlySet<Role> {
  const found = [...names(claimAt(claims, rolesClaim)), ...names(claimAt(claims, 'realm_access.roles'))];
  return new Set(found.filter((name): name is Role => KNOWN_ROLES.has(name)));
}

/** How the caller is shown: `name`, else `preferred_username`, else the subject. */
export function displayNameOf(claims: JWTPayload): string {
  for (const claim of ['name', 'preferred_username', 'sub']) {
    const value = claims[claim];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return '';
}

function claimAt(claims: JWTPayload, path: string): unknown {
  if (path in claims) return claims[path];
  let value: unknown = claims;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function names(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/[\s,]+/).filter((name) => name !== '');
  if (Array.isArray(value)) return value.filter((name): name is string => typeof name === 'string');
  return [];
}
