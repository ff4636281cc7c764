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

/** Why the sign-in page shows again: the token ran out (or the API refused it), or the person signed out. */
export type SignInNotice = 'expired' | 'signed-out';

const TOKEN_KEY = 'laufweg.token';
const NAME_KEY = 'laufweg.name';
const NOTICE_KEY = 'laufweg.sign-in-notice';
const TENANT_KEY = 'laufweg.tenant';
/** oidc-client-ts keeps its sign-in state and user (with the ID token for sign-out) under this prefix. */
const OIDC_CLIENT_PREFIX = 'oidc.';

/**
 * Reads the token's claims for display and navigation only; the API checks the token itself.
 * Roles come from `roles` (development issuer, OIDC_ROLES_CLAIM default) or Keycloak's
 * `realm_access.roles`.
 */
export function sessionFromToken(token: string, knownName?: string | null): Session | null {
  const payload = tokenClaims(token);
  if (!payload) return null;
  const realm = payload['realm_access'] as { roles?: unknown } | undefined;
  const roles = [...asStrings(payload['roles']), ...asStrings(realm?.roles)] as Role[];
  const subject = String(payload['preferred_username'] ?? payload['sub'] ?? '');
  return { token, subject, name: String(payload['name'] ?? knownName ?? subject), roles: new Set(roles), expiresAt: Number(payload['exp'] ?? 0) };
}

/** The claims of a JWT, unverified (display and plausibility only); null for anything else. */
export function tokenClaims(token: string): Record<string, unknown> | null {
  try {
    const payload: unknown = JSON.parse(decodeBase64Url(token.split('.')[1] ?? ''));
    return typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? (payload as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The tab's session; null when there is none, and after an expired token, which it forgets (the sign-in page then says it expired). */
export function loadSession(): Session | null {
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (!token) return null;
  const session = sessionFromToken(token, sessionStorage.getItem(NAME_KEY));
  if (!session || session.expiresAt * 1000 < Date.now()) {
    signOut('expired');
    return null;
  }
  return session;
}

/**
 * Keeps the access token for this tab only (sessionStorage), whichever issuer signed it.
 * `name` is shown when the token names nobody (some providers put the name in the ID token only).
 */
export function saveToken(token: string, name?: string): void {
  sessionStorage.setItem(TOKEN_KEY, token);
  if (name) sessionStorage.setItem(NAME_KEY, name);
  else sessionStorage.removeItem(NAME_KEY);
  sessionStorage.removeItem(NOTICE_KEY);
}

/** Forgets the tab's sign-in (also oidc-client-ts's state); with `notice`, the sign-in page says why. */
export function signOut(notice?: SignInNotice): void {
  for (const key of Object.keys(sessionStorage)) if (key.startsWith(OIDC_CLIENT_PREFIX)) sessionStorage.removeItem(key);
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(NAME_KEY);
  if (notice) sessionStorage.setItem(NOTICE_KEY, notice);
}

/** Why the sign-in page shows, once: reading it forgets it. */
export function takeSignInNotice(): SignInNotice | null {
  const notice = sessionStorage.getItem(NOTICE_KEY);
  sessionStorage.removeItem(NOTICE_KEY);
  return notice === 'expired' || notice === 'signed-out' ? notice : null;
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
