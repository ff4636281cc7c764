import { displayNameOf, rolesFromClaims } from './token-claims';

describe('rolesFromClaims', () => {
  it('reads the configured claim and Keycloak realm roles, ignoring roles Laufweg does not know', () => {
    // given a Keycloak-style token with realm roles beside the roles claim
    const claims = { sub: 'x', roles: ['caseworker', 'offline_access'], realm_access: { roles: ['team', 'uma_authorization'] } };
    // when / then only the known roles remain
    expect([...rolesFromClaims(claims, 'roles')].sort()).toEqual(['caseworker', 'team']);
  });

  it('follows a dotted path such as Keycloak client roles, and reads a space-separated string', () => {
    const claims = { sub: 'x', resource_access: { laufweg: { roles: ['designer'] } }, groups: 'admin worker unknown' };
    expect([...rolesFromClaims(claims, 'resource_access.laufweg.roles')]).toEqual(['designer']);
    expect([...rolesFromClaims(claims, 'groups')].sort()).toEqual(['admin', 'worker']);
  });

  it('prefers a claim whose name itself contains dots (URL-style claim names)', () => {
    const claims = { sub: 'x', 'https://laufweg.de/roles': ['intake'] };
    expect([...rolesFromClaims(claims, 'https://laufweg.de/roles')]).toEqual(['intake']);
  });

  it('grants nothing for missing or malformed role claims', () => {
    expect(rolesFromClaims({ sub: 'x', roles: 42 }, 'roles').size).toBe(0);
    expect(rolesFromClaims({ sub: 'x', realm_access: 'admin' }, 'roles').size).toBe(0);
    expect(rolesFromClaims({ sub: 'x', roles: [{ name: 'admin' }] }, 'roles').size).toBe(0);
  });
});

describe('displayNameOf', () => {
  it('takes name, else preferred_username, else the subject', () => {
    expect(displayNameOf({ sub: 's', preferred_username: 'carla', name: 'Carla Krause' })).toBe('Carla Krause');
    expect(displayNameOf({ sub: 's', preferred_username: 'carla', name: ' ' })).toBe('carla');
    expect(displayNameOf({ sub: 's' })).toBe('s');
  });
});
