import { describeElement } from '../../parse/describe-element';
import { problemOf, type ValidationRule } from '../validation-rule';
import { camundaAttribute } from './camunda-support';

/** Camunda 7's history time to live is a number of days (`30`) or a day duration (`P30D`), or an expression. */
export const c7HistoryTtlInvalidRule: ValidationRule = {
  id: 'c7-history-ttl-invalid',
  category: 'camunda7',
  check: (context) =>
    context.processes.flatMap((process) => {
      const value = camundaAttribute(process, 'historyTimeToLive');
      if (value === undefined || /^\d+$/.test(value.trim()) || /^P\d+D$/i.test(value.trim()) || /^[$#]\{.*\}$/.test(value.trim())) return [];
      return [problemOf('c7-history-ttl-invalid', 'error', process, `${describeElement(process)} has the history time to live "${value}", which is neither a number of days nor a duration like P30D.`)];
    }),
};
