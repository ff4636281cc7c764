import { loadEngineConfig } from '../../config/engine-config';
import { webSignInOf } from './web-sign-in';

const OWNER = 'postgres://owner:secret@db.example:5432/laufweg';
const ISSUER = 'https://id.example.de/realms/laufweg';

describe('webSignInOf', () => {
  it('sends the web app to the user picker of the development issuer in local mode', () => {
    expect(webSignInOf(loadEngineConfig({}).auth)).toEqual({ mode: 'local', devIssuer: '/dev-auth' });
  });

  it('names the issuer, the public client, the scopes and the audience in production mode', () => {
    // given production mode with a web client
    const auth = loadEngineConfig({ DATABASE_URL: OWNER, OIDC_ISSUER: ISSUER, OIDC_AUDIENCE: 'laufweg-api', OIDC_WEB_CLIENT_ID: 'laufweg-web', OIDC_WEB_SCOPE: 'openid profile laufweg' }).auth;
    // then
    expect(webSignInOf(auth)).toEqual({ mode: 'oidc', issuer: ISSUER, clientId: 'laufweg-web', scope: 'openid profile laufweg', audience: 'laufweg-api' });
  });

  it('says which variable is missing when production mode has no web client', () => {
    const signIn = webSignInOf(loadEngineConfig({ DATABASE_URL: OWNER, OIDC_ISSUER: ISSUER }).auth);
    expect(signIn).toEqual({ mode: 'oidc', issuer: ISSUER, clientId: null, scope: 'openid profile', audience: 'laufweg', detail: expect.stringMatching(/^OIDC_WEB_CLIENT_ID is not set: register a public client/) });
  });

  it('signs in at the external issuer in local mode once its web client is configured, and otherwise keeps the user picker', () => {
    const local = { DATABASE_URL: OWNER, AUTH_MODE: 'local', OIDC_ISSUER: 'http://localhost:8080/realms/laufweg' };
    expect(webSignInOf(loadEngineConfig({ ...local, OIDC_WEB_CLIENT_ID: 'laufweg-web' }).auth)).toEqual(expect.objectContaining({ mode: 'oidc', clientId: 'laufweg-web' }));
    expect(webSignInOf(loadEngineConfig(local).auth)).toEqual({ mode: 'local', devIssuer: '/dev-auth' });
  });
});
