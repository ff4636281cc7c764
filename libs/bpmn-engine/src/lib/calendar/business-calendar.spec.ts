import { Duration } from 'luxon';
import { germanBusinessCalendar } from './business-calendar';

const at = (iso: string): number => Date.parse(iso);

describe('germanBusinessCalendar', () => {
  const saxony = germanBusinessCalendar({ land: 'SN' });

  it('skips weekends and the Land’s public holidays when counting working days', () => {
    // given Tuesday 17 Nov 2026, 10:00 in Dresden; Wednesday 18 Nov is Buß- und Bettag (Saxony only)
    const from = at('2026-11-17T10:00:00+01:00');
    // then 3 working days later is Monday 23 Nov (Wed holiday, Thu, Fri, Sat/Sun skipped, Mon)
    expect(new Date(saxony.addWorkingDays(from, 3)).toISOString()).toBe('2026-11-23T09:00:00.000Z');
    // while in Bavaria, which does not keep that day, it is Friday 20 Nov
    expect(new Date(germanBusinessCalendar({ land: 'BY' }).addWorkingDays(from, 3)).toISOString()).toBe('2026-11-20T09:00:00.000Z');
  });

  it('counts over Christmas and New Year', () => {
    // Wed 23 Dec 2026 + 3 working days: Thu 24 (working), Fri 25 and Sat 26 holidays/weekend, Mon 28, Tue 29
    expect(new Date(saxony.addWorkingDays(at('2026-12-23T08:00:00+01:00'), 3)).toISOString()).toBe('2026-12-29T07:00:00.000Z');
    expect(saxony.isWorkingDay(at('2027-01-01T12:00:00+01:00'))).toBe(false);
    expect(saxony.isWorkingDay(at('2026-12-24T12:00:00+01:00'))).toBe(true);
  });

  it('adds calendar days and months in the municipality’s time zone, across daylight saving', () => {
    // Saturday 24 Oct 2026, 09:00 CEST + 1 day = Sunday 25 Oct, 09:00 CET (25 hours later)
    const from = at('2026-10-24T09:00:00+02:00');
    expect(saxony.add(from, Duration.fromISO('P1D')) - from).toBe(25 * 3600 * 1000);
    // 31 January + 1 month = 28 February
    expect(new Date(saxony.add(at('2026-01-31T10:00:00+01:00'), Duration.fromISO('P1M'))).toISOString()).toBe('2026-02-28T09:00:00.000Z');
  });

  it('knows only weekends without a Land', () => {
    expect(germanBusinessCalendar().isWorkingDay(at('2026-11-18T12:00:00+01:00'))).toBe(true);
    expect(germanBusinessCalendar().isWorkingDay(at('2026-11-21T12:00:00+01:00'))).toBe(false);
  });
});
