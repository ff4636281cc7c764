import { isA } from '../../parse/moddle-element';
import { describeElement } from '../../parse/describe-element';
import { problemOf, type ValidationRule } from '../validation-rule';
import { camundaAttribute } from './camunda-support';

/** In Camunda 7 an event-based gateway hands over to its events at once; "async after" cannot apply to it. */
export const c7AsyncAfterEventGatewayRule: ValidationRule = {
  id: 'c7-async-after-event-gateway',
  category: 'camunda7',
  check: (context) =>
    context.elements
      .filter((element) => isA(element, 'bpmn:EventBasedGateway') && camundaAttribute(element, 'asyncAfter') === 'true')
      .map((gateway) => problemOf('c7-async-after-event-gateway', 'error', gateway, `${describeElement(gateway)} is an event-based gateway marked "asynchronous after", which Camunda 7 does not allow; remove the marker.`)),
};
