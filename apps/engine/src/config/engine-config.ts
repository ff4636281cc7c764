import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { type AuthConfig, type ConfigPurpose, resolveAuthConfig } from './auth-config';
import { EngineEnvironment, type LogLevel } from './engine-environment';
import { resolveTransportConfig, type TransportConfig } from './transport-config';

/** The engine's validated configuration. */
export interface EngineConfig {
  readonly port: number;
  readonly host: string;
  readonly databaseUrl?: string;
  readonly appDatabaseUrl?: string;
  readonly appDatabasePassword?: string;
  readonly embeddedPostgresPort?: number;
  readonly dataDir: string;
  readonly logLevel: LogLevel;
  /** Built web app served at `/`. */
  readonly webDir: string;
  readonly jobExecutor: JobExecutorConfig;
  readonly auth: AuthConfig;
  /** HTTPS, mutual TLS and the intake's certificate bindings (ADR 0008). */
  readonly transport: TransportConfig;
  /** The routes of `processes/` deployed at start (issue 6). */
  readonly routes: RoutesConfig;
}

export interface RoutesConfig {
  readonly deployAtStart: boolean;
  readonly processesDir: string;
}

/** The job executor every engine process runs (timers and the service-task jobs it has handlers for). */
export interface JobExecutorConfig {
  readonly enabled: boolean;
  readonly pollIntervalMs: number;
  readonly batchSize: number;
  readonly lockDurationMs: number;
  readonly concurrency: number;
  /** Names this process in the locks it takes. */
  readonly workerId: string;
}

/** Thrown at start when the environment holds bad values; lists every one of them. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Laufweg cannot start: the configuration is invalid.\n${problems.map((problem) => `  - ${problem}`).join('\n')}\nSee README.md, "Configuration".`);
    this.name = 'ConfigError';
  }
}

const KNOWN: readonly (keyof EngineEnvironment)[] = [
  'PORT',
  'HOST',
  'DATABASE_URL',
  'DATABASE_APP_URL',
  'DATABASE_APP_PASSWORD',
  'EMBEDDED_POSTGRES_PORT',
  'DATA_DIR',
  'LOG_LEVEL',
  'WEB_DIR',
  'JOB_EXECUTOR_ENABLED',
  'JOB_POLL_INTERVAL_MS',
  'JOB_BATCH_SIZE',
  'JOB_LOCK_DURATION_MS',
  'JOB_CONCURRENCY',
  'WORKER_ID',
  'AUTH_MODE',
  'OIDC_ISSUER',
  'OIDC_AUDIENCE',
  'OIDC_JWKS_URL',
  'OIDC_ROLES_CLAIM',
  'DEV_ISSUER',
  'OIDC_WEB_CLIENT_ID',
  'OIDC_WEB_SCOPE',
  'TLS_CERT_FILE',
  'TLS_KEY_FILE',
  'TLS_CLIENT_CA_FILE',
  'TLS_CLIENT_CERT',
  'INTAKE_CERT_BINDINGS',
  'DEPLOY_ROUTES',
  'PROCESSES_DIR',
];

/**
 * Reads and validates the configuration from environment variables (empty counts as unset).
 * `purpose: 'migrate'` (npm run migrate) skips the checks that only serving needs (a token issuer).
 */
export function loadEngineConfig(env: NodeJS.ProcessEnv = process.env, { purpose = 'serve' }: { purpose?: ConfigPurpose } = {}): EngineConfig {
  const raw = Object.fromEntries(KNOWN.map((key) => [key, env[key]]).filter(([, value]) => value !== undefined && value !== ''));
  const settings = plainToInstance(EngineEnvironment, raw, { exposeDefaultValues: true });
  const errors = validateSync(settings, { whitelist: true });
  const problems = errors.flatMap((error) => Object.values(error.constraints ?? {}));
  if (settings.DATABASE_APP_URL && !settings.DATABASE_URL) {
    problems.push('DATABASE_APP_URL is set but DATABASE_URL is not: the owner connection (DATABASE_URL) runs the migrations; set both or neither');
  }
  const auth = resolveAuthConfig(settings, purpose, problems);
  const transport = resolveTransportConfig(settings, purpose, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port: settings.PORT,
    // Local mode signs anyone in through the development issuer: listen on this machine only unless told otherwise.
    host: settings.HOST ?? (auth.mode === 'local' ? '127.0.0.1' : '0.0.0.0'),
    dataDir: resolve(settings.DATA_DIR),
    logLevel: settings.LOG_LEVEL,
    webDir: resolve(settings.WEB_DIR ?? 'dist/web'),
    jobExecutor: {
      enabled: settings.JOB_EXECUTOR_ENABLED,
      pollIntervalMs: settings.JOB_POLL_INTERVAL_MS,
      batchSize: settings.JOB_BATCH_SIZE,
      lockDurationMs: settings.JOB_LOCK_DURATION_MS,
      concurrency: settings.JOB_CONCURRENCY,
      workerId: settings.WORKER_ID ?? `${hostname()}:${process.pid}`,
    },
    auth,
    transport,
    // Local mode on the embedded database is a developer's machine: the demo routes are wanted there.
    routes: { deployAtStart: settings.DEPLOY_ROUTES ?? (auth.mode === 'local' && !settings.DATABASE_URL), processesDir: resolve(settings.PROCESSES_DIR) },
    ...(settings.DATABASE_URL ? { databaseUrl: settings.DATABASE_URL } : {}),
    ...(settings.DATABASE_APP_URL ? { appDatabaseUrl: settings.DATABASE_APP_URL } : {}),
    ...(settings.DATABASE_APP_PASSWORD ? { appDatabasePassword: settings.DATABASE_APP_PASSWORD } : {}),
    ...(settings.EMBEDDED_POSTGRES_PORT ? { embeddedPostgresPort: settings.EMBEDDED_POSTGRES_PORT } : {}),
  };
}
