import { evaluateFeel, parseFeel, type JsonObject, type JsonValue } from '@laufweg/bpmn-model';

/**
 * Differences between expected and actual variables, one line each (`fee: expected 5, got 4`).
 * Objects match when the actual one has at least the expected keys with matching values;
 * arrays need the same length and matching items; everything else must be equal.
 */
export function matchVariables(expected: JsonObject, actual: JsonObject): string[] {
  const differences: string[] = [];
  for (const [name, value] of Object.entries(expected)) compare(name, value, actual[name], differences);
  return differences;
}

function compare(path: string, expected: JsonValue, actual: JsonValue | undefined, differences: string[]): void {
  if (actual === undefined) {
    differences.push(`${path}: expected ${show(expected)}, but it is not set`);
    return;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      differences.push(`${path}: expected ${show(expected)}, got ${show(actual)}`);
      return;
    }
    expected.forEach((item, index) => compare(`${path}[${index}]`, item, actual[index], differences));
    return;
  }
  if (typeof expected === 'object' && expected !== null) {
    if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) {
      differences.push(`${path}: expected ${show(expected)}, got ${show(actual)}`);
      return;
    }
    for (const [key, value] of Object.entries(expected)) compare(`${path}.${key}`, value, actual[key], differences);
    return;
  }
  if (expected !== actual) differences.push(`${path}: expected ${show(expected)}, got ${show(actual)}`);
}

/** Evaluates a FEEL expression over the variables; undefined when it is `true`, else why not. */
export function checkFeel(source: string, variables: JsonObject, now: number): string | undefined {
  const parsed = parseFeel(source);
  if (!parsed.ok) return parsed.message;
  const result = evaluateFeel(parsed.expression, variables, { now });
  if (!result.ok) return result.message;
  if (result.value === true) return undefined;
  return `'${source}' is ${show(result.value)}, not true (variables: ${show(variables)})`;
}

function show(value: JsonValue | undefined): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}
