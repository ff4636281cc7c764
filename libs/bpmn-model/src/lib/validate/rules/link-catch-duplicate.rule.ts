import { describeElement } from '../../parse/describe-element';
import type { ModelProblem } from '../../problem';
import { problemOf, type ValidationRule } from '../validation-rule';
import { linkEventsOf } from './link-support';

/** Each link name may be caught once per scope, or a jump would be ambiguous. */
export const linkCatchDuplicateRule: ValidationRule = {
  id: 'link-catch-duplicate',
  category: 'execution',
  check: (context) =>
    context.scopes
      .filter((scope) => scope.executable)
      .flatMap((scope) => {
        const seen = new Set<string>();
        return linkEventsOf(scope, false).flatMap(({ event, name }): ModelProblem[] => {
          if (name === undefined) {
            return [problemOf('link-catch-duplicate', 'error', event, `${describeElement(event)} is a link catch event without a link name; name the link.`)];
          }
          if (!seen.has(name)) {
            seen.add(name);
            return [];
          }
          return [problemOf('link-catch-duplicate', 'error', event, `${describeElement(event)} catches the link "${name}", which another link catch event in the same scope already catches; link names must be unique.`)];
        });
      }),
};
