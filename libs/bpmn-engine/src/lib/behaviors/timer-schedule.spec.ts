import { germanBusinessCalendar } from '../calendar/business-calendar';
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

describe('timers in working days', () => {
  const tuesday = Date.parse('2026-11-17T09:00:00+01:00');
  const saxony = germanBusinessCalendar({ land: 'SN' });

  it('counts whole days as working days of the calendar and keeps a time part', () => {
    expect(scheduleTimer('duration', 'P2DT3H', tuesday, { calendar: saxony, workingDays: true })).toEqual({
      ok: true,
      // Wed 18 Nov is a holiday in Saxony: Thu 19, Fri 20, then 3 hours
      schedule: { dueDate: Date.parse('2026-11-20T12:00:00+01:00'), repetitions: 1 },
    });
  });

  it('refuses durations that are not whole days', () => {
    for (const duration of ['P2W', 'P1M', 'P1Y', 'P1.5D']) {
      expect(scheduleTimer('duration', duration, tuesday, { calendar: saxony, workingDays: true })).toEqual({
        ok: false,
        message: `'${duration}' cannot be counted in working days; write whole days, e.g. P10D.`,
      });
    }
  });
});
