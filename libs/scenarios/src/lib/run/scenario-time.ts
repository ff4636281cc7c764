import { Duration } from 'luxon';
import type { BusinessCalendar } from '@laufweg/bpmn-engine';

const WORKING_DAYS = /^(\d+) (working days?|Arbeitstage?)$/;

/**
 * The instant a `wait` ends: an ISO 8601 duration counted in the municipality's calendar (a day
 * is a calendar day, also across daylight-saving changes) or `N working days` (Monday to Friday
 * without the Land's public holidays, same local time of day).
 */
export function waitUntil(wait: string, from: number, calendar: BusinessCalendar): number {
  const workingDays = WORKING_DAYS.exec(wait.trim());
  if (workingDays) return calendar.addWorkingDays(from, Number(workingDays[1]));
  const duration = Duration.fromISO(wait.trim());
  if (!duration.isValid) throw new Error(`'${wait}' is neither an ISO 8601 duration nor 'N working days'.`);
  return calendar.add(from, duration);
}

/** Milliseconds of an ISO 8601 duration without calendar units (a backoff, a time to live). */
export function durationMillis(iso: string): number {
  const duration = Duration.fromISO(iso);
  if (!duration.isValid) throw new Error(`'${iso}' is not an ISO 8601 duration.`);
  return duration.toMillis();
}

/** An exact span as an ISO 8601 duration in hours, minutes and seconds (`PT72H`, `PT1H30M`, `PT0.5S`). */
export function formatExactDuration(millis: number): string {
  const hours = Math.floor(millis / 3_600_000);
  const minutes = Math.floor((millis % 3_600_000) / 60_000);
  const seconds = (millis % 60_000) / 1000;
  const parts = `${hours > 0 ? `${hours}H` : ''}${minutes > 0 ? `${minutes}M` : ''}${seconds > 0 ? `${seconds}S` : ''}`;
  return `PT${parts === '' ? '0S' : parts}`;
}
