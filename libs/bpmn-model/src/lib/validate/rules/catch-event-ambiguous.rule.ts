import { elementProp, isA, stringProp, type ModdleElement } from '../../parse/moddle-element';
import { describeElement } from '../../parse/describe-element';
import type { ModelProblem } from '../../problem';
import { problemOf, type ValidationRule } from '../validation-rule';
import { eventDefinitionOf, isEventSubProcess } from './rule-support';

const KINDS = [
  ['bpmn:ErrorEventDefinition', 'errorRef', 'errorCode', 'error'],
  ['bpmn:EscalationEventDefinition', 'escalationRef', 'escalationCode', 'escalation'],
] as const;

/**
 * Errors and escalations are caught by code: two boundary events of one activity, or two event
 * sub-processes of one scope, that catch the same code leave it open which one reacts. (Two
 * catch-alls are not reported: an unresolved `errorRef`, which Camunda 7 reads as the code
 * itself, looks like a catch-all after parsing.)
 */
export const catchEventAmbiguousRule: ValidationRule = {
  id: 'catch-event-ambiguous',
  category: 'modeling',
  check: (context) => {
    // Boundary events of one activity compete with each other; event sub-processes of one scope
    // compete with each other (they see an error before the boundary events of that scope do).
    const byActivity = new Map<ModdleElement, ModdleElement[]>();
    const byScope = new Map<ModdleElement, ModdleElement[]>();
    const add = (groups: Map<ModdleElement, ModdleElement[]>, owner: ModdleElement | undefined, event: ModdleElement): void => {
      if (owner !== undefined) groups.set(owner, [...(groups.get(owner) ?? []), event]);
    };
    for (const element of context.elements) {
      if (isA(element, 'bpmn:BoundaryEvent')) add(byActivity, elementProp(element, 'attachedToRef'), element);
      if (isA(element, 'bpmn:StartEvent') && element.$parent !== undefined && isEventSubProcess(element.$parent)) add(byScope, element.$parent.$parent, element);
    }
    const problems: ModelProblem[] = [];
    for (const events of [...byActivity.values(), ...byScope.values()]) {
      for (const [type, reference, codeProperty, noun] of KINDS) {
        const seen = new Set<string>();
        for (const event of events) {
          const definition = eventDefinitionOf(event, type);
          if (definition === undefined) continue;
          const target = elementProp(definition, reference);
          const code = target === undefined ? '' : (stringProp(target, codeProperty) ?? '');
          if (code === '') continue;
          if (!seen.has(code)) {
            seen.add(code);
            continue;
          }
          problems.push(
            problemOf('catch-event-ambiguous', context.severityFor(event), event, `${describeElement(event)} catches the ${noun} code "${code}", which another event of the same activity or scope already catches; keep one.`),
          );
        }
      }
    }
    return problems;
  },
};
