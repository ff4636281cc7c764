import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { ConfigError, loadEngineConfig } from './engine-config';

describe('loadEngineConfig', () => {
  it('applies the defaults when nothing is set', () => {
    // given an empty environment / when loaded
    const config = loadEngineConfig({});
    // then
    expect(config).toEqual({
      port: 3000,
      host: '127.0.0.1',
      dataDir: resolve('./.data'),
      logLevel: 'info',
      webDir: resolve('dist/web'),
      jobExecutor: { enabled: true, pollIntervalMs: 500, batchSize: 32, lockDurationMs: 300_000, concurrency: 8, workerId: `${hostname()}:${process.pid}` },
      auth: { mode: 'local', audience: 'laufweg', rolesClaim: 'roles', web: { scope: 'openid profile' }, devIssuer: { issuer: 'http://localhost:3000/dev-auth' } },
      routes: { deployAtStart: true, processesDir: resolve('processes') },
      transport: { intakeCertBindings: [] },
    });
  });

  it('reads the job executor settings', () => {
    const config = loadEngineConfig({
      JOB_EXECUTOR_ENABLED: 'false',
      JOB_POLL_INTERVAL_MS: '250',
      JOB_BATCH_SIZE: '64',
      JOB_LOCK_DURATION_MS: '60000',
      JOB_CONCURRENCY: '4',
      WORKER_ID: 'engine-1',
    });
    expect(config.jobExecutor).toEqual({ enabled: false, pollIntervalMs: 250, batchSize: 64, lockDurationMs: 60_000, concurrency: 4, workerId: 'engine-1' });
  });

  it('names bad job executor settings', () => {
    expect(() => loadEngineConfig({ JOB_EXECUTOR_ENABLED: 'maybe' })).toThrow('JOB_EXECUTOR_ENABLED must be true or false');
    expect(() => loadEngineConfig({ JOB_CONCURRENCY: '0' })).toThrow('JOB_CONCURRENCY must be between 1 and 256');
    expect(() => loadEngineConfig({ JOB_LOCK_DURATION_MS: 'long' })).toThrow('JOB_LOCK_DURATION_MS must be a whole number of milliseconds');
  });

  it('reads every variable and treats empty values as unset', () => {
    const config = loadEngineConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://owner:secret@db.example:5432/laufweg',
      DATABASE_APP_URL: 'postgres://laufweg_app:secret@db.example:5432/laufweg',
      DATA_DIR: '/var/lib/laufweg',
      LOG_LEVEL: 'debug',
      EMBEDDED_POSTGRES_PORT: '',
      OIDC_ISSUER: 'https://id.example.de/realms/laufweg',
    });
    expect(config.port).toBe(8080);
    expect(config.databaseUrl).toBe('postgres://owner:secret@db.example:5432/laufweg');
    expect(config.appDatabaseUrl).toBe('postgres://laufweg_app:secret@db.example:5432/laufweg');
    expect(config.dataDir).toBe('/var/lib/laufweg');
    expect(config.logLevel).toBe('debug');
    expect(config.embeddedPostgresPort).toBeUndefined();
  });

  it('names every bad value with how to fix it', () => {
    // given three bad values
    const load = () => loadEngineConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    // then all three are reported at once
    expect(load).toThrow(ConfigError);
    try {
      load();
    } catch (error) {
      const problems = (error as ConfigError).problems;
      expect(problems).toEqual(
        expect.arrayContaining([
          'PORT must be a whole number, e.g. 3000',
          expect.stringContaining('DATABASE_URL must be a PostgreSQL URL'),
          'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
        ]),
      );
      expect((error as Error).message).toContain('See README.md');
    }
  });

  it('rejects a port out of range', () => {
    expect(() => loadEngineConfig({ PORT: '70000' })).toThrow('PORT must be between 1 and 65535');
  });

  it('refuses an application URL without the owner URL that migrates', () => {
    expect(() => loadEngineConfig({ DATABASE_APP_URL: 'postgres://a:b@h/db' })).toThrow('set both or neither');
  });

  describe('authentication', () => {
    const OWNER = 'postgres://owner:secret@db.example:5432/laufweg';

    it('runs production mode with an external database and reads the OpenID Connect settings', () => {
      const config = loadEngineConfig({
        DATABASE_URL: OWNER,
        OIDC_ISSUER: 'https://id.example.de/realms/laufweg',
        OIDC_AUDIENCE: 'laufweg-api',
        OIDC_JWKS_URL: 'https://id.example.de/realms/laufweg/protocol/openid-connect/certs',
        OIDC_ROLES_CLAIM: 'resource_access.laufweg.roles',
      });
      expect(config.auth).toEqual({
        mode: 'production',
        audience: 'laufweg-api',
        rolesClaim: 'resource_access.laufweg.roles',
        web: { scope: 'openid profile' },
        oidc: { issuer: 'https://id.example.de/realms/laufweg', jwksUrl: 'https://id.example.de/realms/laufweg/protocol/openid-connect/certs' },
      });
    });

    it('refuses to serve in production mode without an issuer, but migrates', () => {
      expect(() => loadEngineConfig({ DATABASE_URL: OWNER })).toThrow('OIDC_ISSUER must be set in production mode');
      expect(loadEngineConfig({ DATABASE_URL: OWNER }, { purpose: 'migrate' }).auth.mode).toBe('production');
    });

    it('refuses the development issuer in production mode', () => {
      expect(() => loadEngineConfig({ DATABASE_URL: OWNER, OIDC_ISSUER: 'https://id.example.de/realms/laufweg', DEV_ISSUER: 'true' })).toThrow('DEV_ISSUER=true is refused in production mode');
      expect(() => loadEngineConfig({ AUTH_MODE: 'production', OIDC_ISSUER: 'https://id.example.de/realms/laufweg', DEV_ISSUER: 'true' })).toThrow('DEV_ISSUER=true is refused in production mode');
    });

    it('wants https for the issuer in production mode, except on this machine', () => {
      expect(() => loadEngineConfig({ DATABASE_URL: OWNER, OIDC_ISSUER: 'http://keycloak:8080/realms/laufweg' })).toThrow('OIDC_ISSUER must use https in production mode');
      expect(loadEngineConfig({ DATABASE_URL: OWNER, OIDC_ISSUER: 'http://localhost:8080/realms/laufweg' }).auth.oidc?.issuer).toBe('http://localhost:8080/realms/laufweg');
    });

    it('lets local mode run beside an external database, with the development issuer and an optional external one', () => {
      const config = loadEngineConfig({ DATABASE_URL: OWNER, AUTH_MODE: 'local', PORT: '8080', OIDC_ISSUER: 'http://keycloak:8080/realms/laufweg' });
      expect(config.auth).toEqual({
        mode: 'local',
        audience: 'laufweg',
        rolesClaim: 'roles',
        web: { scope: 'openid profile' },
        devIssuer: { issuer: 'http://localhost:8080/dev-auth' },
        oidc: { issuer: 'http://keycloak:8080/realms/laufweg' },
      });
      expect(loadEngineConfig({ DEV_ISSUER: 'false', OIDC_ISSUER: 'http://keycloak:8080/realms/laufweg' }).auth.devIssuer).toBeUndefined();
      expect(() => loadEngineConfig({ DEV_ISSUER: 'false' })).toThrow('No token issuer is configured');
    });

    it("reads the web app's client and scopes at the identity provider", () => {
      // given production mode with the web app's public client and its own scopes
      const config = loadEngineConfig({ DATABASE_URL: OWNER, OIDC_ISSUER: 'https://id.example.de/realms/laufweg', OIDC_WEB_CLIENT_ID: 'laufweg-web', OIDC_WEB_SCOPE: 'openid profile laufweg' });
      // then
      expect(config.auth.web).toEqual({ clientId: 'laufweg-web', scope: 'openid profile laufweg' });
    });

    it('starts in production mode without a web client, so machine clients keep working', () => {
      const config = loadEngineConfig({ DATABASE_URL: OWNER, OIDC_ISSUER: 'https://id.example.de/realms/laufweg', OIDC_WEB_CLIENT_ID: '' });
      expect(config.auth.web).toEqual({ scope: 'openid profile' });
    });

    it('refuses a web client without the issuer it belongs to, but migrates', () => {
      expect(() => loadEngineConfig({ OIDC_WEB_CLIENT_ID: 'laufweg-web' })).toThrow('OIDC_WEB_CLIENT_ID is set but OIDC_ISSUER is not');
      expect(loadEngineConfig({ DATABASE_URL: OWNER, OIDC_WEB_CLIENT_ID: 'laufweg-web' }, { purpose: 'migrate' }).auth.web.clientId).toBe('laufweg-web');
    });

    it.each([
      ['a client id with a space', { OIDC_WEB_CLIENT_ID: 'laufweg web' }, "OIDC_WEB_CLIENT_ID must be the client id of the web app's public client at the identity provider, without spaces"],
      ['scopes without openid', { OIDC_WEB_SCOPE: 'profile email' }, 'OIDC_WEB_SCOPE must be scopes separated by single spaces, openid among them, e.g. openid profile'],
      ['openid only as part of a scope', { OIDC_WEB_SCOPE: 'openid_like profile' }, 'OIDC_WEB_SCOPE must be scopes separated by single spaces, openid among them'],
      ['scopes separated by commas', { OIDC_WEB_SCOPE: 'openid,profile' }, 'OIDC_WEB_SCOPE must be scopes separated by single spaces, openid among them'],
      ['scopes with a double space', { OIDC_WEB_SCOPE: 'openid  profile' }, 'OIDC_WEB_SCOPE must be scopes separated by single spaces, openid among them'],
    ])('names %s', (_case, env, message) => {
      expect(() => loadEngineConfig({ OIDC_ISSUER: 'https://id.example.de/realms/laufweg', ...env })).toThrow(message);
    });

    it('accepts openid anywhere among the scopes', () => {
      expect(loadEngineConfig({ OIDC_WEB_SCOPE: 'profile openid' }).auth.web.scope).toBe('profile openid');
      expect(loadEngineConfig({ OIDC_WEB_SCOPE: 'openid' }).auth.web.scope).toBe('openid');
    });

    it('names bad authentication values', () => {
      expect(() => loadEngineConfig({ AUTH_MODE: 'test' })).toThrow('AUTH_MODE must be local or production');
      expect(() => loadEngineConfig({ OIDC_ISSUER: 'id.example.de' })).toThrow("OIDC_ISSUER must be the issuer URL exactly as in the tokens' iss claim");
      expect(() => loadEngineConfig({ DEV_ISSUER: 'perhaps' })).toThrow('DEV_ISSUER must be true or false');
      expect(() => loadEngineConfig({ OIDC_AUDIENCE: 'two words' })).toThrow('OIDC_AUDIENCE must be one word');
    });
  });

  it('listens on this machine only in local mode, and on every interface in production mode, unless HOST says otherwise', () => {
    expect(loadEngineConfig({}).host).toBe('127.0.0.1');
    expect(loadEngineConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadEngineConfig({ DATABASE_URL: 'postgres://o:p@db/laufweg', OIDC_ISSUER: 'https://id.example.de/realms/laufweg' }).host).toBe('0.0.0.0');
  });
});
