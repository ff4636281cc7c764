import 'reflect-metadata';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const AUTH_MODES = ['local', 'production'] as const;

export const CLIENT_CERT_MODES = ['require', 'request', 'off'] as const;
/** Mutual TLS: `require` refuses a connection without a client certificate the CA signed; `request` asks for one; `off` does not. */
export type ClientCertMode = (typeof CLIENT_CERT_MODES)[number];
/** `local`: a developer's machine (built-in development issuer); `production`: an external OpenID Connect issuer. */
export type AuthMode = (typeof AUTH_MODES)[number];

const HTTP_URL = /^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/;
const POSTGRES_URL = /^postgres(ql)?:\/\/[^\s]+$/;
const POSTGRES_URL_HINT = 'must be a PostgreSQL URL such as postgres://user:password@host:5432/laufweg';

/** `true`/`false` (any case, also 1/0, yes/no); anything else is left for @IsBoolean to refuse. */
function toBoolean({ value }: { value: unknown }): unknown {
  if (typeof value !== 'string') return value;
  const normalized = value.trim().toLowerCase();
  if (['true', '1', 'yes'].includes(normalized)) return true;
  if (['false', '0', 'no'].includes(normalized)) return false;
  return value;
}

/** The environment variables the engine reads, with their rules. Defaults are applied before. */
export class EngineEnvironment {
  @Type(() => Number)
  @IsInt({ message: 'PORT must be a whole number, e.g. 3000' })
  @Min(1, { message: 'PORT must be between 1 and 65535' })
  @Max(65535, { message: 'PORT must be between 1 and 65535' })
  PORT = 3000;

  /** Default: 127.0.0.1 in local mode (the development issuer signs anyone in), 0.0.0.0 in production mode. */
  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'HOST must not be empty; use 0.0.0.0 for all interfaces or 127.0.0.1 for this machine only' })
  HOST?: string;

  @IsOptional()
  @Matches(POSTGRES_URL, { message: `DATABASE_URL ${POSTGRES_URL_HINT}; leave it unset to use embedded PostgreSQL` })
  DATABASE_URL?: string;

  @IsOptional()
  @Matches(POSTGRES_URL, { message: `DATABASE_APP_URL ${POSTGRES_URL_HINT} (the login of the laufweg_app role)` })
  DATABASE_APP_URL?: string;

  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'DATABASE_APP_PASSWORD must have at least 16 characters' })
  DATABASE_APP_PASSWORD?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'EMBEDDED_POSTGRES_PORT must be a whole number' })
  @Min(1024, { message: 'EMBEDDED_POSTGRES_PORT must be between 1024 and 65535' })
  @Max(65535, { message: 'EMBEDDED_POSTGRES_PORT must be between 1024 and 65535' })
  EMBEDDED_POSTGRES_PORT?: number;

  @IsString()
  @MinLength(1, { message: 'DATA_DIR must not be empty' })
  DATA_DIR = './.data';

  @IsIn(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: LogLevel = 'info';

  @IsOptional()
  @IsString()
  WEB_DIR?: string;

  @Transform(toBoolean)
  @IsBoolean({ message: 'JOB_EXECUTOR_ENABLED must be true or false' })
  JOB_EXECUTOR_ENABLED = true;

  @Type(() => Number)
  @IsInt({ message: 'JOB_POLL_INTERVAL_MS must be a whole number of milliseconds, e.g. 500' })
  @Min(10, { message: 'JOB_POLL_INTERVAL_MS must be between 10 and 60000' })
  @Max(60_000, { message: 'JOB_POLL_INTERVAL_MS must be between 10 and 60000' })
  JOB_POLL_INTERVAL_MS = 500;

  @Type(() => Number)
  @IsInt({ message: 'JOB_BATCH_SIZE must be a whole number, e.g. 32' })
  @Min(1, { message: 'JOB_BATCH_SIZE must be between 1 and 1000' })
  @Max(1000, { message: 'JOB_BATCH_SIZE must be between 1 and 1000' })
  JOB_BATCH_SIZE = 32;

  @Type(() => Number)
  @IsInt({ message: 'JOB_LOCK_DURATION_MS must be a whole number of milliseconds, e.g. 300000' })
  @Min(1000, { message: 'JOB_LOCK_DURATION_MS must be between 1000 (1 s) and 86400000 (1 day)' })
  @Max(86_400_000, { message: 'JOB_LOCK_DURATION_MS must be between 1000 (1 s) and 86400000 (1 day)' })
  JOB_LOCK_DURATION_MS = 300_000;

  @Type(() => Number)
  @IsInt({ message: 'JOB_CONCURRENCY must be a whole number, e.g. 8' })
  @Min(1, { message: 'JOB_CONCURRENCY must be between 1 and 256' })
  @Max(256, { message: 'JOB_CONCURRENCY must be between 1 and 256' })
  JOB_CONCURRENCY = 8;

  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'WORKER_ID must have at most 200 characters' })
  WORKER_ID?: string;

  @IsOptional()
  @IsIn(AUTH_MODES, { message: 'AUTH_MODE must be local or production' })
  AUTH_MODE?: AuthMode;

  @IsOptional()
  @Matches(HTTP_URL, { message: "OIDC_ISSUER must be the issuer URL exactly as in the tokens' iss claim, e.g. https://id.example.de/realms/laufweg" })
  OIDC_ISSUER?: string;

  @IsString()
  @Matches(/^\S{1,200}$/, { message: 'OIDC_AUDIENCE must be one word without spaces (the audience the tokens name), e.g. laufweg' })
  OIDC_AUDIENCE = 'laufweg';

  @IsOptional()
  @Matches(HTTP_URL, { message: 'OIDC_JWKS_URL must be the URL of the issuer\'s key set, e.g. https://id.example.de/realms/laufweg/protocol/openid-connect/certs' })
  OIDC_JWKS_URL?: string;

  @IsString()
  @Matches(/^[^\s]{1,200}$/, { message: 'OIDC_ROLES_CLAIM must name a claim (a dotted path such as resource_access.laufweg.roles is allowed)' })
  OIDC_ROLES_CLAIM = 'roles';

  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'DEV_ISSUER must be true or false' })
  DEV_ISSUER?: boolean;

  /** The public client (authorization code flow with PKCE, no secret) the web app signs in with at OIDC_ISSUER. */
  @IsOptional()
  @Matches(/^[\x21-\x7e]{1,200}$/, { message: "OIDC_WEB_CLIENT_ID must be the client id of the web app's public client at the identity provider, without spaces, e.g. laufweg-web" })
  OIDC_WEB_CLIENT_ID?: string;

  /** The scopes the web app asks for at sign-in (RFC 6749 scope tokens, space-separated). */
  @IsString()
  @Matches(/^(?=(.* )?openid( |$))[\x21\x23-\x5b\x5d-\x7e]+( [\x21\x23-\x5b\x5d-\x7e]+)*$/, {
    message: 'OIDC_WEB_SCOPE must be scopes separated by single spaces, openid among them, e.g. openid profile',
  })
  OIDC_WEB_SCOPE = 'openid profile';

  /** PEM certificate (chain) the engine serves HTTPS with; with TLS_KEY_FILE. */
  @IsOptional()
  @IsString()
  TLS_CERT_FILE?: string;

  @IsOptional()
  @IsString()
  TLS_KEY_FILE?: string;

  /** PEM CA certificates that sign the client certificates (the portal's). */
  @IsOptional()
  @IsString()
  TLS_CLIENT_CA_FILE?: string;

  @IsIn(CLIENT_CERT_MODES, { message: 'TLS_CLIENT_CERT must be require, request or off' })
  TLS_CLIENT_CERT: ClientCertMode = 'off';

  /** `CN=<common name>=<tenant>[,<tenant>]` or `sha256:<fingerprint>=<tenant>[,...]`, entries separated by `;`. */
  @IsOptional()
  @IsString()
  INTAKE_CERT_BINDINGS?: string;

  /** Deploy the routes of PROCESSES_DIR at start (default: in local mode on the embedded database). */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'DEPLOY_ROUTES must be true or false' })
  DEPLOY_ROUTES?: boolean;

  @IsString()
  @MinLength(1, { message: 'PROCESSES_DIR must not be empty' })
  PROCESSES_DIR = './processes';
}
