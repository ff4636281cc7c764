import { elementsProp, extensionsOf, parseBpmn, stringProp } from '@laufweg/bpmn-model';
import { DateTime, Duration } from 'luxon';

/** The process-level `zeebe:properties` entry that sets how long case data is kept after the instance ends. */
export const RETENTION_PROPERTY = 'retention';

/** An ISO 8601 duration of years, months, weeks, days and time (`P2Y`, `P6M`, `P30D`, `PT12H`); no negatives, no fractions. */
const ISO_DURATION = /^P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;

/** True when `text` is a retention period Laufweg accepts (the same rule as the tenant column's check). */
export function isRetentionPeriod(text: string): boolean {
  return ISO_DURATION.test(text) && Duration.fromISO(text).isValid;
}

/**
 * The moment before which an instance must have ended to be past its retention: `now` minus
 * the period, in calendar terms (P1Y from 29 Feb lands on 28 Feb), in UTC.
 */
export function retentionCutoff(now: Date, period: string): Date {
  if (!isRetentionPeriod(period)) throw new RangeError(`'${period}' is not an ISO 8601 retention period.`);
  return DateTime.fromJSDate(now, { zone: 'utc' }).minus(Duration.fromISO(period)).toJSDate();
}

/**
 * The `retention` property a process declares in its own `zeebe:properties` (not an element's),
 * or undefined when it declares none. A document that does not parse declares none.
 */
export async function declaredRetention(bpmnXml: string, processId: string): Promise<string | undefined> {
  const parsed = await parseBpmn(bpmnXml);
  if (!parsed.ok) return undefined;
  const process = parsed.value.elementsById.get(processId);
  if (!process) return undefined;
  for (const properties of extensionsOf(process, 'zeebe:Properties')) {
    for (const property of elementsProp(properties, 'properties')) {
      if (stringProp(property, 'name') === RETENTION_PROPERTY) return (stringProp(property, 'value') ?? '').trim();
    }
  }
  return undefined;
}
