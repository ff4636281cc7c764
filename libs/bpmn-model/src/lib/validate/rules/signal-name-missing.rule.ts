import { elementProp, idOf, isA, stringProp } from '../../parse/moddle-element';
import { describeElement } from '../../parse/describe-element';
import { problemOf, type ValidationRule } from '../validation-rule';

/** Signals are broadcast and caught by name: every signal event needs a named signal. */
export const signalNameMissingRule: ValidationRule = {
  id: 'signal-name-missing',
  category: 'execution',
  check: (context) =>
    context.elements
      .filter((element) => isA(element, 'bpmn:SignalEventDefinition') && context.isExecutable(element))
      .flatMap((definition) => {
        const event = definition.$parent ?? definition;
        const signal = elementProp(definition, 'signalRef');
        if (signal === undefined) {
          return [problemOf('signal-name-missing', 'error', event, `${describeElement(event)} is a signal event without a signal; choose a signal.`)];
        }
        const name = stringProp(signal, 'name');
        if (name !== undefined && name.trim() !== '') return [];
        return [problemOf('signal-name-missing', 'error', event, `${describeElement(event)} uses the signal "${idOf(signal) ?? '?'}", which has no name; give the signal a name.`)];
      }),
};
