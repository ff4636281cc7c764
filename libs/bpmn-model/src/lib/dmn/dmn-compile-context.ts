import { parseFeel, type FeelExpression } from '../feel/feel-expression';
import { parseFeelUnaryTests, type FeelUnaryTests } from '../feel/feel-unary-tests';
import type { ModelProblem } from '../problem';
import { stringProp, type ModdleElement } from '../parse/moddle-element';

/** Collects the problems of one DMN document while it is compiled; parses each FEEL text once. */
export class DmnCompileContext {
  readonly problems: ModelProblem[] = [];

  error(rule: string, elementId: string | undefined, message: string): void {
    this.problems.push({ severity: 'error', rule, ...(elementId === undefined ? {} : { elementId }), message });
  }

  /**
   * The FEEL expression of a `LiteralExpression`. Reports `rule` for a missing, empty or invalid
   * text, and `dmn-expression-language-unsupported` for another language. `what` names the
   * cell in a designer's words ("the input expression of column 1 ("Art") of the decision "fee"").
   */
  expression(element: ModdleElement | undefined, rule: string, elementId: string, what: string): FeelExpression | undefined {
    if (!this.checkLanguage(element, elementId, what)) return undefined;
    const text = textOf(element) ?? '';
    if (text.trim() === '') {
      this.error(rule, elementId, `${capitalize(what)} is empty; write a FEEL expression.`);
      return undefined;
    }
    const parsed = parseFeel(text);
    if (parsed.ok) return parsed.expression;
    this.error(rule, elementId, `${capitalize(what)} cannot be read as FEEL: ${parsed.message}`);
    return undefined;
  }

  /** FEEL unary tests of a `UnaryTests` element; undefined (no problem) for an empty text or `-`. */
  unaryTests(element: ModdleElement | undefined, rule: string, elementId: string, what: string): FeelUnaryTests | undefined {
    const text = (textOf(element) ?? '').trim();
    if (text === '' || text === '-') return undefined;
    if (!this.checkLanguage(element, elementId, what)) return undefined;
    const parsed = parseFeelUnaryTests(text);
    if (parsed.ok) return parsed.tests;
    this.error(rule, elementId, `${capitalize(what)} cannot be read as FEEL unary tests: ${parsed.message}`);
    return undefined;
  }

  /** Only FEEL is evaluated (Camunda 7 tables may say `juel`, `javascript`, `groovy`). */
  checkLanguage(element: ModdleElement | undefined, elementId: string, what: string): boolean {
    const language = element === undefined ? undefined : stringProp(element, 'expressionLanguage');
    if (language === undefined || isFeelLanguage(language)) return true;
    this.error(
      'dmn-expression-language-unsupported',
      elementId,
      `${capitalize(what)} is written in "${language}"; only FEEL is evaluated, never script code. Rewrite it in FEEL.`,
    );
    return false;
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** FEEL by any of its names: the DMN 1.1-1.3 URIs, `feel`, Camunda's `http://camunda.org/feel`. */
export function isFeelLanguage(language: string): boolean {
  return language.trim() === '' || /feel/i.test(language);
}

/** The `<text>` of a LiteralExpression or UnaryTests. */
export function textOf(element: ModdleElement | undefined): string | undefined {
  return element === undefined ? undefined : stringProp(element, 'text');
}
