import { elementProp, idOf, isA } from '../../parse/moddle-element';
import { describeElement, kindOf, withArticle } from '../../parse/describe-element';
import { problemOf, type ValidationRule } from '../validation-rule';

/** [element type, reference property, type the referenced element must have]. */
const TYPED_REFERENCES: readonly (readonly [string, string, string])[] = [
  ['bpmn:SequenceFlow', 'sourceRef', 'bpmn:FlowNode'],
  ['bpmn:SequenceFlow', 'targetRef', 'bpmn:FlowNode'],
  ['bpmn:Activity', 'default', 'bpmn:SequenceFlow'],
  ['bpmn:ExclusiveGateway', 'default', 'bpmn:SequenceFlow'],
  ['bpmn:InclusiveGateway', 'default', 'bpmn:SequenceFlow'],
  ['bpmn:ComplexGateway', 'default', 'bpmn:SequenceFlow'],
  ['bpmn:MessageEventDefinition', 'messageRef', 'bpmn:Message'],
  ['bpmn:ReceiveTask', 'messageRef', 'bpmn:Message'],
  ['bpmn:SendTask', 'messageRef', 'bpmn:Message'],
  ['bpmn:ErrorEventDefinition', 'errorRef', 'bpmn:Error'],
  ['bpmn:SignalEventDefinition', 'signalRef', 'bpmn:Signal'],
  ['bpmn:EscalationEventDefinition', 'escalationRef', 'bpmn:Escalation'],
  ['bpmn:CompensateEventDefinition', 'activityRef', 'bpmn:Activity'],
];

/** bpmn-moddle resolves references by id only; a reference to an element of the wrong kind dangles. */
export const referenceWrongTypeRule: ValidationRule = {
  id: 'reference-wrong-type',
  category: 'structure',
  check: (context) =>
    context.elements.flatMap((element) =>
      TYPED_REFERENCES.filter(([type]) => isA(element, type)).flatMap(([, property, expected]) => {
        const target = elementProp(element, property);
        if (target === undefined || isA(target, expected)) return [];
        const owner = isA(element, 'bpmn:EventDefinition') && element.$parent !== undefined ? element.$parent : element;
        return [
          problemOf('reference-wrong-type', context.severityFor(owner), owner,
            `${describeElement(owner)} refers in "${property}" to "${idOf(target) ?? '?'}", which is ${withArticle(kindOf(target.$type))}, not ${withArticle(kindOf(expected))}.`,
          ),
        ];
      }),
    ),
};
