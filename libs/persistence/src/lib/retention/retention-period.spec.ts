import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { declaredRetention, isRetentionPeriod, retentionCutoff } from './retention-period';

const fixture = (name: string): string => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

describe('retention periods', () => {
  it('reads the process-level retention property, not an element’s', async () => {
    expect(await declaredRetention(fixture('certificate-order.bpmn'), 'certificate-order')).toBe('P2Y');
    expect(await declaredRetention(fixture('dog-registration.bpmn'), 'dog-registration')).toBeUndefined();
    expect(await declaredRetention(fixture('parking-permit.bpmn'), 'parking-permit')).toBe('zwei Jahre');
    expect(await declaredRetention(fixture('certificate-order.bpmn'), 'unknown-process')).toBeUndefined();
  });

  it('accepts ISO 8601 periods without negatives or fractions', () => {
    for (const period of ['P2Y', 'P1Y6M', 'P30D', 'P2W', 'PT12H', 'P0D', 'P1DT1H']) expect(isRetentionPeriod(period)).toBe(true);
    for (const period of ['', 'P', 'PT', '2Y', 'P-1Y', 'P1.5Y', 'zwei Jahre', 'P1Y ']) expect(isRetentionPeriod(period)).toBe(false);
  });

  it('counts back in calendar terms, in UTC', () => {
    expect(retentionCutoff(new Date('2026-11-28T03:00:00Z'), 'P2Y').toISOString()).toBe('2024-11-28T03:00:00.000Z');
    expect(retentionCutoff(new Date('2025-03-31T00:00:00Z'), 'P1M').toISOString()).toBe('2025-02-28T00:00:00.000Z');
    expect(() => retentionCutoff(new Date(), 'zwei Jahre')).toThrow(RangeError);
  });
});
