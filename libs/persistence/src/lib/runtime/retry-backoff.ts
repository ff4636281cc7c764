import { Duration } from 'luxon';

/** The custom header (zeebe:taskHeaders) that sets how long a failed job waits before its retry. */
export const RETRY_BACKOFF_HEADER = 'retryBackoff';

/** Used when the header is absent or not an ISO-8601 duration. */
export const DEFAULT_RETRY_BACKOFF_MS = 10_000;

/**
 * The backoff of a failed job in milliseconds: the ISO-8601 duration in its `retryBackoff`
 * header (`PT30S`, `PT5M`, `P1D`), or 10 seconds. `valid` is false when a header was given but
 * could not be read, so the caller can say so in its log.
 */
export function retryBackoffOf(customHeaders: Readonly<Record<string, string>>): { readonly ms: number; readonly valid: boolean } {
  const header = customHeaders[RETRY_BACKOFF_HEADER];
  if (header === undefined || header.trim() === '') return { ms: DEFAULT_RETRY_BACKOFF_MS, valid: true };
  const duration = Duration.fromISO(header.trim());
  if (!duration.isValid) return { ms: DEFAULT_RETRY_BACKOFF_MS, valid: false };
  const ms = duration.toMillis();
  return ms >= 0 ? { ms, valid: true } : { ms: DEFAULT_RETRY_BACKOFF_MS, valid: false };
}
