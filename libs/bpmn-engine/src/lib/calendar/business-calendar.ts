import Holidays from 'date-holidays';
import { DateTime, type Duration } from 'luxon';

/**
 * How the engine counts time for timers: in the municipality's time zone (a day is a calendar
 * day, also across daylight-saving changes; a month is a calendar month), and, for statutory
 * deadlines, in working days — Monday to Friday that are not public holidays of the Land.
 */
export interface BusinessCalendar {
  /** Adds an ISO 8601 duration to an instant, calendar-aware. */
  add(from: number, duration: Duration): number;
  /** The instant `days` working days after `from`, at the same local time of day. */
  addWorkingDays(from: number, days: number): number;
  /** Whether the local date of the instant is a working day. */
  isWorkingDay(at: number): boolean;
}

export interface BusinessCalendarOptions {
  /** IANA time zone. Default Europe/Berlin. */
  readonly zone?: string;
  /** German Land as in ISO 3166-2 without the `DE-` prefix (SN for Saxony); unset: weekends only. */
  readonly land?: string;
}

/** A calendar of German public holidays (date-holidays) for one Land. */
export function germanBusinessCalendar(options: BusinessCalendarOptions = {}): BusinessCalendar {
  const zone = options.zone ?? 'Europe/Berlin';
  const holidays = options.land ? new Holidays('DE', options.land) : undefined;
  // Looking up one date costs date-holidays tens of milliseconds; a year's list is computed once.
  const publicHolidaysByYear = new Map<number, ReadonlySet<string>>();
  const publicHolidaysOf = (year: number): ReadonlySet<string> => {
    let dates = publicHolidaysByYear.get(year);
    if (!dates) {
      dates = new Set((holidays?.getHolidays(year) ?? []).filter((holiday) => holiday.type === 'public').map((holiday) => holiday.date.slice(0, 10)));
      publicHolidaysByYear.set(year, dates);
    }
    return dates;
  };
  const isHoliday = (date: DateTime): boolean => holidays !== undefined && publicHolidaysOf(date.year).has(date.toISODate() ?? '');
  const isWorkingDate = (date: DateTime): boolean => date.weekday <= 5 && !isHoliday(date);
  return {
    add: (from, duration) => DateTime.fromMillis(from, { zone }).plus(duration).toMillis(),
    addWorkingDays: (from, days) => {
      let date = DateTime.fromMillis(from, { zone });
      for (let counted = 0; counted < days; ) {
        date = date.plus({ days: 1 });
        if (isWorkingDate(date)) counted++;
      }
      return date.toMillis();
    },
    isWorkingDay: (at) => isWorkingDate(DateTime.fromMillis(at, { zone })),
  };
}
