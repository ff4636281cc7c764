import type { ExecutableDefinitions, JsonObject, JsonValue } from '@laufweg/bpmn-model';

const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}|@[\w/+-]+)?)?$/;
const TIME = /^\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;
const DURATION = /^-?P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;
const FEEL_STRING = /"((?:[^"\\]|\\.)*)"/g;

export interface RedactionOptions {
  /** Variables (top-level names) whose values are kept as they are. */
  readonly keepVariables?: readonly string[];
  /** String values kept wherever they occur (the route's own literals, codes). */
  readonly keepValues?: Iterable<string>;
}

/**
 * Replaces personal data in captured values by placeholders. Every string becomes `<text-N>`
 * (a completer's name `<user-N>`), the same value always the same placeholder, so correlation
 * keys still match the variables they came from and two different caseworkers stay different.
 * Kept as they are: numbers, booleans and null (amounts and flags decide gateways), ISO dates,
 * times and durations (they decide deadlines), object keys, the variables named in
 * `keepVariables`, and the string values in `keepValues`.
 */
export class PersonalDataRedactor {
  private readonly placeholders = new Map<string, string>();
  private readonly counters = new Map<string, number>();
  private readonly keepVariables: ReadonlySet<string>;
  private readonly keepValues: ReadonlySet<string>;

  constructor(options: RedactionOptions = {}) {
    this.keepVariables = new Set(options.keepVariables ?? []);
    this.keepValues = new Set(options.keepValues ?? []);
  }

  variables(variables: JsonObject): JsonObject {
    return Object.fromEntries(Object.entries(variables).map(([name, value]) => [name, this.variable(name, value)]));
  }

  variable(name: string, value: JsonValue): JsonValue {
    return this.keepVariables.has(name) ? value : this.value(value);
  }

  value(value: JsonValue): JsonValue {
    if (typeof value === 'string') return this.text(value);
    if (Array.isArray(value)) return value.map((item) => this.value(item));
    if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, this.value(item)]));
    return value;
  }

  text(value: string): string {
    if (this.keepValues.has(value) || DATE.test(value) || TIME.test(value) || DURATION.test(value)) return value;
    return this.placeholder('text', value);
  }

  user(value: string): string {
    return this.placeholder('user', value);
  }

  private placeholder(kind: string, value: string): string {
    const known = this.placeholders.get(value);
    if (known !== undefined) return known;
    const next = (this.counters.get(kind) ?? 0) + 1;
    this.counters.set(kind, next);
    const placeholder = `<${kind}-${next}>`;
    this.placeholders.set(value, placeholder);
    return placeholder;
  }
}

/**
 * The strings a route itself names: literals in its FEEL expressions (`decision = "approved"`)
 * and static attribute values. They are not personal data, and replacing them would change the
 * path (a gateway compares a variable with them).
 */
export function routeLiterals(definitions: ExecutableDefinitions): Set<string> {
  const found = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (record['kind'] === 'feel' && typeof record['source'] === 'string') {
      for (const match of record['source'].matchAll(FEEL_STRING)) found.add(unescape(match[1] ?? ''));
    }
    if (record['kind'] === 'static' && typeof record['value'] === 'string') found.add(record['value']);
    Object.values(record).forEach(visit);
  };
  visit(definitions);
  return found;
}

function unescape(literal: string): string {
  try {
    return JSON.parse(`"${literal}"`) as string;
  } catch {
    return literal;
  }
}
