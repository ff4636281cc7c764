import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const POSTGRES_URL = /^postgres(ql)?:\/\/[^\s]+$/;
const POSTGRES_URL_HINT = 'must be a PostgreSQL URL such as postgres://user:password@host:5432/laufweg';

/** The environment variables the engine reads, with their rules. Defaults are applied before. */
export class EngineEnvironment {
  @Type(() => Number)
  @IsInt({ message: 'PORT must be a whole number, e.g. 3000' })
  @Min(1, { message: 'PORT must be between 1 and 65535' })
  @Max(65535, { message: 'PORT must be between 1 and 65535' })
  PORT = 3000;

  @IsString()
  @MinLength(1, { message: 'HOST must not be empty; use 0.0.0.0 for all interfaces or 127.0.0.1 for this machine only' })
  HOST = '0.0.0.0';

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
}
