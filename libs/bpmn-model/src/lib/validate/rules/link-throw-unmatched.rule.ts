import { describeElement } from '../../parse/describe-element';
import type { ModelProblem } from '../../problem';
import { problemOf, type ValidationRule } from '../validation-rule';
import { linkEventsOf } from './link-support';

/** A link throw jumps to the link catch of the same name in the same scope: it must exist. */
export const linkThrowUnmatchedRule: ValidationRule = {
  id: 'link-throw-unmatched',
  category: 'execution',
  check: (context) =>
    context.scopes
      .filter((scope) => scope.executable)
      .flatMap((scope) => {
        const catchNames = new Set(linkEventsOf(scope, false).map((link) => link.name));
        return linkEventsOf(scope, true).flatMap(({ event, name }): ModelProblem[] => {
          if (name === undefined) {
            return [problemOf('link-throw-unmatched', 'error', event, `${describeElement(event)} is a link event without a link name; name the link.`)];
          }
          if (catchNames.has(name)) return [];
          return [problemOf('link-throw-unmatched', 'error', event, `${describeElement(event)} jumps to the link "${name}", but no link catch event of that name is in the same process or sub-process.`)];
        });
      }),
};
