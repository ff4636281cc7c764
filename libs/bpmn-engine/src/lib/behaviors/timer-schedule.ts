import { CronExpressionParser } from 'cron-parser';
import { DateTime, Duration } from 'luxon';
import { germanBusinessCalendar, type BusinessCalendar } from '../calendar/business-calendar';

/** Without a calendar port: Europe/Berlin, weekends only. */
const DEFAULT_CALENDAR = germanBusinessCalendar();

export interface ScheduleOptions {
  readonly calendar?: BusinessCalendar;
  /**
   * Count a duration's days as working days (the element's `zeebe:property calendar =
   * working-days`): statutory deadlines such as "within 10 working days".
   */
  readonly workingDays?: boolean;
}

/** When a timer fires first, how often, and how to compute the next time. */
export interface TimerSchedule {
  readonly dueDate: number;
  /** Remaining firings including the first; -1 for unbounded cycles. */
  readonly repetitions: number;
  /** The ISO duration or `cron:` expression to reschedule a cycle with. */
  readonly cycle?: string;
}

export type ScheduleResult = { readonly ok: true; readonly schedule: TimerSchedule } | { readonly ok: false; readonly message: string };

/**
 * Timer date (ISO date-time), duration (ISO 8601) or cycle (`R[n]/[start/]duration` or cron).
 * Durations are added in the calendar's time zone: P1D is the same time on the next day, P1M
 * the same day of the next month.
 */
export function scheduleTimer(type: 'date' | 'duration' | 'cycle', value: string, now: number, options: ScheduleOptions = {}): ScheduleResult {
  const text = value.trim();
  const calendar = options.calendar ?? DEFAULT_CALENDAR;
  switch (type) {
    case 'date': {
      const date = DateTime.fromISO(text, { zone: 'utc', setZone: true });
      return date.isValid ? ok({ dueDate: date.toMillis(), repetitions: 1 }) : invalid(`'${text}' is not an ISO 8601 date-time.`);
    }
    case 'duration': {
      const duration = Duration.fromISO(text);
      if (!duration.isValid) return invalid(`'${text}' is not an ISO 8601 duration.`);
      if (!options.workingDays) return ok({ dueDate: calendar.add(now, duration), repetitions: 1 });
      const { years, months, weeks, days } = duration;
      if (years !== 0 || months !== 0 || weeks !== 0 || !Number.isInteger(days) || days < 0) {
        return invalid(`'${text}' cannot be counted in working days; write whole days, e.g. P10D.`);
      }
      const time = duration.set({ days: 0 });
      return ok({ dueDate: calendar.add(calendar.addWorkingDays(now, days), time), repetitions: 1 });
    }
    case 'cycle':
      return text.startsWith('R') ? repeatingInterval(text, now, calendar) : cron(text, now);
  }
}

/** The next due date of a cycle after the one that just fired. */
export function nextDueDate(cycle: string, after: number, calendar: BusinessCalendar = DEFAULT_CALENDAR): number | undefined {
  if (cycle.startsWith('cron:')) return cronNext(cycle.slice(5), after);
  const duration = Duration.fromISO(cycle);
  return duration.isValid ? calendar.add(after, duration) : undefined;
}

function repeatingInterval(text: string, now: number, calendar: BusinessCalendar): ScheduleResult {
  const parts = text.split('/');
  const count = parts[0] === 'R' ? -1 : Number(parts[0]?.slice(1));
  if (!Number.isInteger(count) || count === 0 || count < -1) return invalid(`'${text}' has an invalid repetition count.`);
  const duration = parts[parts.length - 1] ?? '';
  const parsed = Duration.fromISO(duration);
  if (!parsed.isValid || parsed.toMillis() <= 0) return invalid(`'${text}' does not end with a positive ISO 8601 duration.`);
  let dueDate = calendar.add(now, parsed);
  if (parts.length === 3) {
    const start = DateTime.fromISO(parts[1] ?? '', { zone: 'utc', setZone: true });
    if (!start.isValid) return invalid(`'${text}' has an invalid start date.`);
    dueDate = Math.max(start.toMillis(), now);
  }
  return ok({ dueDate, repetitions: count, cycle: duration });
}

function cron(text: string, now: number): ScheduleResult {
  const due = cronNext(text, now);
  return due === undefined ? invalid(`'${text}' is neither an ISO 8601 repeating interval nor a cron expression.`) : ok({ dueDate: due, repetitions: -1, cycle: `cron:${text}` });
}

function cronNext(expression: string, after: number): number | undefined {
  try {
    return CronExpressionParser.parse(expression, { currentDate: new Date(after), tz: 'UTC' }).next().getTime();
  } catch {
    return undefined;
  }
}

function ok(schedule: TimerSchedule): ScheduleResult {
  return { ok: true, schedule };
}

function invalid(message: string): ScheduleResult {
  return { ok: false, message };
}
