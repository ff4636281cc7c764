import { DateTime, Duration } from 'luxon';
import { elementProp, isA } from '../../parse/moddle-element';
import { describeElement } from '../../parse/describe-element';
import type { ModelProblem } from '../../problem';
import { problemOf, type ValidationRule } from '../validation-rule';
import { expressionText, isFeel } from './rule-support';

const FORMATS: Readonly<Record<string, string>> = {
  timeDate: 'an ISO 8601 date and time such as 2025-01-31T09:00:00+01:00',
  timeDuration: 'an ISO 8601 duration such as P14D or PT2H',
  timeCycle: 'an ISO 8601 repetition such as R3/PT10M, or a cron expression',
};

/** Static timer values (not FEEL) must be readable when the timer is created. */
export const timerValueInvalidRule: ValidationRule = {
  id: 'timer-value-invalid',
  category: 'zeebe',
  check: (context) =>
    context.elements
      .filter((element) => isA(element, 'bpmn:TimerEventDefinition') && context.isExecutable(element))
      .flatMap((definition) =>
        Object.keys(FORMATS).flatMap((property): ModelProblem[] => {
          const text = expressionText(elementProp(definition, property));
          if (text === undefined || isFeel(text) || isValid(property, text)) return [];
          const event = definition.$parent ?? definition;
          return [problemOf('timer-value-invalid', 'error', event, `${describeElement(event)} has the timer value "${text}", which is not ${FORMATS[property] ?? 'valid'}.`)];
        }),
      ),
};

function isValid(property: string, text: string): boolean {
  if (property === 'timeDate') return DateTime.fromISO(text, { setZone: true }).isValid;
  if (property === 'timeDuration') return isDuration(text);
  return isCycle(text);
}

function isDuration(text: string): boolean {
  return Duration.fromISO(text).isValid;
}

/** `R[n]/duration`, `R[n]/start/duration`, `R[n]/duration/end`, or a cron expression (5 to 7 fields). */
function isCycle(text: string): boolean {
  const parts = text.split('/');
  if (/^R\d*$/.test(parts[0] ?? '') && parts.length >= 2 && parts.length <= 3) {
    return parts.slice(1).every((part) => isDuration(part) || DateTime.fromISO(part, { setZone: true }).isValid) && parts.slice(1).some(isDuration);
  }
  const fields = text.trim().split(/\s+/);
  return fields.length >= 5 && fields.length <= 7 && fields.every((field) => /^[\d*?/,\-LW#A-Za-z]+$/.test(field));
}
