import type { JsonValue } from '@laufweg/bpmn-model';
import type { SqlFilter } from './sql-filter';

export const VARIABLE_OPERATORS = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'like'] as const;
export type VariableOperator = (typeof VARIABLE_OPERATORS)[number];

/** `name:operator:value`; the value is read as JSON where it is JSON (`42`, `true`, `"42"`), else as text. */
export const VARIABLE_FILTER_PATTERN = /^([^:]{1,128}):(eq|neq|gt|gte|lt|lte|like):(.{0,1000})$/s;

export const VARIABLE_FILTER_DOC =
  'Variable filter `name:operator:value`, repeatable (all must hold). Operators: eq, neq, gt, gte, lt, lte (same JSON type), like (text contains, case-insensitive). ' +
  'The value is JSON where it parses (42, true, "42"), otherwise text. Matches variables of the process instance scope of running instances.';

export interface VariableFilter {
  readonly name: string;
  readonly operator: VariableOperator;
  readonly value: JsonValue;
}

export function parseVariableFilter(text: string): VariableFilter {
  const match = VARIABLE_FILTER_PATTERN.exec(text);
  if (!match) throw new Error(`Not a variable filter: ${text}`);
  const [, name, operator, raw] = match;
  let value: JsonValue;
  try {
    value = JSON.parse(raw) as JsonValue;
  } catch {
    value = raw;
  }
  return { name, operator: operator as VariableOperator, value };
}

const COMPARISONS: Readonly<Record<Exclude<VariableOperator, 'like'>, string>> = { eq: '=', neq: '<>', gt: '>', gte: '>=', lt: '<', lte: '<=' };

/**
 * Adds one EXISTS condition per filter over the `variable` table (jsonb values) for the scope
 * named by `scopeColumn` (e.g. `p.key`, the process instance scope).
 */
export function addVariableFilters(filter: SqlFilter, filters: readonly VariableFilter[], tenantColumn: string, scopeColumn: string): void {
  for (const variable of filters) {
    const name = filter.param(variable.name);
    let comparison: string;
    if (variable.operator === 'like') {
      const pattern = filter.param(`%${String(variable.value).replace(/[\\%_]/g, '\\$&')}%`);
      comparison = `jsonb_typeof(v.value) = 'string' AND (v.value #>> '{}') ILIKE ${pattern}`;
    } else {
      const value = filter.param(JSON.stringify(variable.value));
      const typed = variable.operator === 'eq' || variable.operator === 'neq' ? '' : `jsonb_typeof(v.value) = jsonb_typeof(${value}::jsonb) AND `;
      comparison = `${typed}v.value ${COMPARISONS[variable.operator]} ${value}::jsonb`;
    }
    filter.where(`EXISTS (SELECT 1 FROM variable v WHERE v.tenant_id = ${tenantColumn} AND v.scope_key = ${scopeColumn} AND v.name = ${name} AND ${comparison})`);
  }
}
