import { describeElement } from '../../parse/describe-element';
import { problemOf, type ValidationRule } from '../validation-rule';
import { conditionsOf, isFeelLanguage } from './expression-support';

/** Laufweg evaluates FEEL only; a condition in JavaScript, Groovy or JUEL cannot run (and is never eval'ed). */
export const expressionLanguageUnsupportedRule: ValidationRule = {
  id: 'expression-language-unsupported',
  category: 'zeebe',
  check: (context) =>
    conditionsOf(context.elements.filter((element) => context.isExecutable(element)))
      .filter((condition) => !isFeelLanguage(condition.language))
      .map((condition) =>
        problemOf('expression-language-unsupported', 'error', condition.owner, `${describeElement(condition.owner)} has a condition in "${condition.language ?? ''}"; only FEEL is supported, rewrite it as a FEEL expression.`),
      ),
};
