import { resolve } from 'node:path';
import { ConfigError, loadEngineConfig } from './engine-config';

describe('loadEngineConfig', () => {
  it('applies the defaults when nothing is set', () => {
    // given an empty environment / when loaded
    const config = loadEngineConfig({});
    // then
    expect(config).toEqual({
      port: 3000,
      host: '0.0.0.0',
      dataDir: resolve('./.data'),
      logLevel: 'info',
      webDir: resolve('dist/web'),
    });
  });

  it('reads every variable and treats empty values as unset', () => {
    const config = loadEngineConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://owner:secret@db.example:5432/laufweg',
      DATABASE_APP_URL: 'postgres://laufweg_app:secret@db.example:5432/laufweg',
      DATA_DIR: '/var/lib/laufweg',
      LOG_LEVEL: 'debug',
      EMBEDDED_POSTGRES_PORT: '',
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
});
