import { Logger } from '@nestjs/common';
import type { JobExecutorLogger } from '@laufweg/persistence';

/** The executor's log lines through Nest's logger (pino in the service), with their details as fields. */
export function nestJobExecutorLogger(context = 'JobExecutor'): JobExecutorLogger {
  const logger = new Logger(context);
  return {
    debug: (message, details) => logger.debug({ msg: message, ...details }),
    warn: (message, details) => logger.warn({ msg: message, ...details }),
    error: (message, details) => logger.error({ msg: message, ...details }),
  };
}
