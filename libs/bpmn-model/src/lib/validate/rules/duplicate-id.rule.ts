import { idOf } from '../../parse/moddle-element';
import { describeElement } from '../../parse/describe-element';
import { problemOf, type ValidationRule } from '../validation-rule';

/**
 * Ids identify elements across the document (references, DI): each must be unique. Ids of
 * unknown extension elements belong to their vendor's schema and are not checked.
 */
export const duplicateIdRule: ValidationRule = {
  id: 'duplicate-id',
  category: 'structure',
  check: (context) => {
    const seen = new Set<string>();
    return context.elements.flatMap((element) => {
      const id = element.$descriptor.isGeneric === true ? undefined : idOf(element);
      if (id === undefined) return [];
      if (!seen.has(id)) {
        seen.add(id);
        return [];
      }
      return [problemOf('duplicate-id', context.severityFor(element), element, `${describeElement(element)} uses the id "${id}", which another element already has; ids must be unique.`)];
    });
  },
};
