import { idOf } from '../../parse/moddle-element';
import { describeElement } from '../../parse/describe-element';
import { problemOf, type ValidationRule } from '../validation-rule';

/** An XML NCName (approximately), what `xsd:ID` requires. */
const NCNAME = /^[\p{L}_][\p{L}\p{N}\p{M}_.\-\u00B7\u203F\u2040]*$/u;

/** Ids of what runs are XML names: engines, APIs and other tools rely on it. */
export const elementIdInvalidRule: ValidationRule = {
  id: 'element-id-invalid',
  category: 'execution',
  check: (context) =>
    context.elements
      .filter((element) => element.$descriptor.isGeneric !== true && context.isExecutable(element))
      .flatMap((element) => {
        const id = idOf(element);
        if (id === undefined || NCNAME.test(id)) return [];
        return [problemOf('element-id-invalid', 'error', element, `${describeElement(element)} has the id "${id}", which is not a valid XML name; start it with a letter or "_" and leave out spaces.`)];
      }),
};
