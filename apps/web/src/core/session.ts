/** The roles of the engine (apps/engine/src/auth/caller.ts). */
export type Role = 'designer' | 'caseworker' | 'team' | 'admin' | 'intake' | 'worker';

/** Who is signed in: the access token and what the web app reads from its claims. */
export interface Session {
  readonly token: string;
  readonly subject: string;
  readonly name: string;
  readonly roles: ReadonlySet<Role>;
  /** Seconds since the epoch. */
  readonly expiresAt: number;
}

const TOKEN_KEY = 'laufweg.token';
const TENANT_KEY = 'laufweg.tenant';

/**
 * Reads the token's claims for display and navigation only; the API checks the token itself.
 * Roles come from `roles` (development issuer, OIDC_ROLES_CLAIM default) or Keycloak's
 * `realm_access.roles`.
 */
export function sessionFromToken(token: string): Session | null {
  try {
    const payload = JSON.parse(decodeBase64Url(token.split('.')[1] ?? '')) as Record<string, unknown>;
    const realm = payload['realm_access'] as { roles?: unknown } | undefined;
    const roles = [...asStrings(payload['roles']), ...asStrings(realm?.roles)] as Role[];
    const subject = String(payload['preferred_username'] ?? payload['sub'] ?? '');
    return { token, subject, name: String(payload['name'] ?? subject), roles: new Set(roles), expiresAt: Number(payload['exp'] ?? 0) };
  } catch {
    return null;
  }
}

export function loadSession(): Session | null {
  const token = sessionStorage.getItem(TOKEN_KEY);
  const session = token ? sessionFromToken(token) : null;
  if (!session || session.expiresAt * 1000 < Date.now()) {
    sessionStorage.removeItem(TOKEN_KEY);
    return null;
  }
  return session;
}

export function saveToken(token: string): void {
  sessionStorage.setItem(TOKEN_KEY, token);
}

export function signOut(): void {
  sessionStorage.removeItem(TOKEN_KEY);
}

export function preferredTenant(): string | null {
  return localStorage.getItem(TENANT_KEY);
}

export function rememberTenant(tenantId: string): void {
  localStorage.setItem(TENANT_KEY, tenantId);
}

function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];
}

function decodeBase64Url(text: string): string {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(text.length / 4) * 4, '=');
  return new TextDecoder().decode(Uint8Array.from(atob(base64), (char) => char.charCodeAt(0)));
}
