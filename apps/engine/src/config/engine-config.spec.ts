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
      host: '0.0.0.0',
      dataDir: resolve('./.data'),
      logLevel: 'info',
      webDir: resolve('dist/web'),
      jobExecutor: { enabled: true, pollIntervalMs: 500, batchSize: 32, lockDurationMs: 300_000, concurrency: 8, workerId: `${hostname()}:${process.pid}` },
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
