import { nextDueDate, scheduleTimer } from './timer-schedule';

const now = Date.parse('2025-01-01T00:00:00Z');

describe('timer schedules', () => {
  it('reads ISO dates, durations and repeating intervals', () => {
    expect(scheduleTimer('date', '2025-02-01T08:00:00Z', now)).toEqual({ ok: true, schedule: { dueDate: Date.parse('2025-02-01T08:00:00Z'), repetitions: 1 } });
    expect(scheduleTimer('duration', 'PT90M', now)).toEqual({ ok: true, schedule: { dueDate: now + 90 * 60_000, repetitions: 1 } });
    expect(scheduleTimer('cycle', 'R3/PT1H', now)).toEqual({ ok: true, schedule: { dueDate: now + 3_600_000, repetitions: 3, cycle: 'PT1H' } });
    expect(scheduleTimer('cycle', 'R/P1D', now)).toMatchObject({ ok: true, schedule: { repetitions: -1 } });
    expect(scheduleTimer('cycle', 'R2/2025-03-01T00:00:00Z/PT1H', now)).toMatchObject({ ok: true, schedule: { dueDate: Date.parse('2025-03-01T00:00:00Z') } });
  });

  it('reads cron expressions and computes the next firing', () => {
    const scheduled = scheduleTimer('cycle', '0 0 9 * * MON', now);
    expect(scheduled).toEqual({ ok: true, schedule: { dueDate: Date.parse('2025-01-06T09:00:00Z'), repetitions: -1, cycle: 'cron:0 0 9 * * MON' } });
    expect(nextDueDate('cron:0 0 9 * * MON', Date.parse('2025-01-06T09:00:00Z'))).toBe(Date.parse('2025-01-13T09:00:00Z'));
    expect(nextDueDate('PT1H', now)).toBe(now + 3_600_000);
  });

  it('rejects what it cannot read, as a value', () => {
    expect(scheduleTimer('duration', 'soon', now)).toMatchObject({ ok: false });
    expect(scheduleTimer('date', 'tomorrow', now)).toMatchObject({ ok: false });
    expect(scheduleTimer('cycle', 'R0/PT1H', now)).toMatchObject({ ok: false });
    expect(scheduleTimer('cycle', 'every day', now)).toMatchObject({ ok: false });
  });
});
