import { elementProp, extensionOf, foreignAttribute, isA, stringProp, type ModdleElement } from '../../parse/moddle-element';
import { describeElement } from '../../parse/describe-element';
import { problemOf, type ValidationRule } from '../validation-rule';
import { expressionText } from './rule-support';

/** Extension attributes of other dialects that name the collection of a multi-instance activity. */
const FOREIGN_COLLECTIONS = ['camunda:collection', 'activiti:collection', 'flowable:collection', 'js:collection'];

/** A multi-instance activity needs to know how many instances: a collection or a cardinality. */
export const multiInstanceCollectionMissingRule: ValidationRule = {
  id: 'multi-instance-collection-missing',
  category: 'execution',
  check: (context) =>
    context.elements
      .filter((element) => isA(element, 'bpmn:MultiInstanceLoopCharacteristics') && context.isExecutable(element))
      .filter((loop) => !hasCollection(loop))
      .map((loop) => {
        const activity = loop.$parent ?? loop;
        return problemOf('multi-instance-collection-missing', 'error', activity, `${describeElement(activity)} is multi-instance without an input collection or a loop cardinality; set one of them.`);
      }),
};

function hasCollection(loop: ModdleElement): boolean {
  const zeebe = extensionOf(loop, 'zeebe:LoopCharacteristics');
  const zeebeCollection = zeebe === undefined ? undefined : stringProp(zeebe, 'inputCollection');
  if (zeebeCollection !== undefined && zeebeCollection.trim() !== '') return true;
  if (expressionText(elementProp(loop, 'loopCardinality')) !== undefined) return true;
  if (elementProp(loop, 'loopDataInputRef') !== undefined) return true;
  return FOREIGN_COLLECTIONS.some((name) => (foreignAttribute(loop, name) ?? '').trim() !== '');
}
