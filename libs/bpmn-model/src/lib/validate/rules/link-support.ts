import { isA, stringProp, type ModdleElement } from '../../parse/moddle-element';
import type { FlowScope } from '../validation-context';
import { eventDefinitionOf } from './rule-support';

/** A link event of a scope with its link name (`undefined` when unnamed). */
export interface LinkEvent {
  readonly event: ModdleElement;
  readonly name: string | undefined;
}

/** The link throw (`throwing`) or link catch events directly in a scope. */
export function linkEventsOf(scope: FlowScope, throwing: boolean): LinkEvent[] {
  const type = throwing ? 'bpmn:IntermediateThrowEvent' : 'bpmn:IntermediateCatchEvent';
  return scope.flowElements.flatMap((element) => {
    if (!isA(element, type)) return [];
    const definition = eventDefinitionOf(element, 'bpmn:LinkEventDefinition');
    if (definition === undefined) return [];
    const name = stringProp(definition, 'name')?.trim();
    return [{ event: element, name: name === '' ? undefined : name }];
  });
}
