import { CronExpressionParser } from 'cron-parser';
import { DateTime, Duration } from 'luxon';

/** When a timer fires first, how often, and how to compute the next time. */
export interface TimerSchedule {
  readonly dueDate: number;
  /** Remaining firings including the first; -1 for unbounded cycles. */
  readonly repetitions: number;
  /** The ISO duration or `cron:` expression to reschedule a cycle with. */
  readonly cycle?: string;
}

export type ScheduleResult = { readonly ok: true; readonly schedule: TimerSchedule } | { readonly ok: false; readonly message: string };

/** Timer date (ISO date-time), duration (ISO 8601) or cycle (`R[n]/[start/]duration` or cron). */
export function scheduleTimer(type: 'date' | 'duration' | 'cycle', value: string, now: number): ScheduleResult {
  const text = value.trim();
  switch (type) {
    case 'date': {
      const date = DateTime.fromISO(text, { zone: 'utc', setZone: true });
      return date.isValid ? ok({ dueDate: date.toMillis(), repetitions: 1 }) : invalid(`'${text}' is not an ISO 8601 date-time.`);
    }
    case 'duration': {
      const millis = durationMillis(text);
      return millis === undefined ? invalid(`'${text}' is not an ISO 8601 duration.`) : ok({ dueDate: now + millis, repetitions: 1 });
    }
    case 'cycle':
      return text.startsWith('R') ? repeatingInterval(text, now) : cron(text, now);
  }
}

/** The next due date of a cycle after the one that just fired. */
export function nextDueDate(cycle: string, after: number): number | undefined {
  if (cycle.startsWith('cron:')) return cronNext(cycle.slice(5), after);
  const millis = durationMillis(cycle);
  return millis === undefined ? undefined : after + millis;
}

function repeatingInterval(text: string, now: number): ScheduleResult {
  const parts = text.split('/');
  const count = parts[0] === 'R' ? -1 : Number(parts[0]?.slice(1));
  if (!Number.isInteger(count) || count === 0 || count < -1) return invalid(`'${text}' has an invalid repetition count.`);
  const duration = parts[parts.length - 1] ?? '';
  const millis = durationMillis(duration);
  if (millis === undefined || millis <= 0) return invalid(`'${text}' does not end with a positive ISO 8601 duration.`);
  let dueDate = now + millis;
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

function durationMillis(text: string): number | undefined {
  const duration = Duration.fromISO(text);
  return duration.isValid ? duration.toMillis() : undefined;
}

function ok(schedule: TimerSchedule): ScheduleResult {
  return { ok: true, schedule };
}

function invalid(message: string): ScheduleResult {
  return { ok: false, message };
}
