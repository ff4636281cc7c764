import { DEFAULT_RETRY_BACKOFF_MS, retryBackoffOf } from './retry-backoff';

describe('retryBackoffOf', () => {
  it('reads the ISO-8601 duration of the retryBackoff header', () => {
    expect(retryBackoffOf({ retryBackoff: 'PT30S' })).toEqual({ ms: 30_000, valid: true });
    expect(retryBackoffOf({ retryBackoff: 'PT5M' })).toEqual({ ms: 300_000, valid: true });
    expect(retryBackoffOf({ retryBackoff: 'P1D' })).toEqual({ ms: 86_400_000, valid: true });
  });

  it('waits ten seconds when the job has no such header', () => {
    expect(retryBackoffOf({})).toEqual({ ms: DEFAULT_RETRY_BACKOFF_MS, valid: true });
    expect(DEFAULT_RETRY_BACKOFF_MS).toBe(10_000);
  });

  it('falls back to ten seconds and flags a header it cannot read', () => {
    expect(retryBackoffOf({ retryBackoff: '30 seconds' })).toEqual({ ms: DEFAULT_RETRY_BACKOFF_MS, valid: false });
    expect(retryBackoffOf({ retryBackoff: 'PT-5S' })).toEqual({ ms: DEFAULT_RETRY_BACKOFF_MS, valid: false });
  });
});
