import type { FeelExpression, FeelOrStatic } from '../feel/feel-expression';
import { parseFeel, parseFeelOrStatic } from '../feel/feel-expression';
import type { ModelProblem } from '../problem';

/** Collects problems while compiling; parses every expression exactly once. */
export class CompileContext {
  readonly problems: ModelProblem[] = [];

  error(rule: string, elementId: string | undefined, message: string): void {
    this.problems.push({ severity: 'error', rule, ...(elementId ? { elementId } : {}), message });
  }

  warning(rule: string, elementId: string | undefined, message: string): void {
    this.problems.push({ severity: 'warning', rule, ...(elementId ? { elementId } : {}), message });
  }

  /** An expression that is always FEEL (conditions); a leading `=` is optional. */
  feel(source: string | undefined, elementId: string, what: string): FeelExpression | undefined {
    if (source === undefined) return undefined;
    const parsed = parseFeel(source);
    if (parsed.ok) return parsed.expression;
    this.error('feel-syntax', elementId, `${what}: ${parsed.message}`);
    return undefined;
  }

  /** A Zeebe attribute: FEEL when it starts with `=`, static text otherwise. */
  feelOrStatic(source: string | undefined, elementId: string, what: string): FeelOrStatic | undefined {
    if (source === undefined) return undefined;
    const parsed = parseFeelOrStatic(source);
    if (parsed.ok) return parsed.value;
    this.error('feel-syntax', elementId, `${what}: ${parsed.message}`);
    return undefined;
  }
}
