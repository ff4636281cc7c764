import { evaluateFeel, parseFeel } from '@laufweg/bpmn-model';
import { type FormComponent, type FormField, formFields } from './form-schema';

/** One field that does not fit the form; `field` is the dotted path of the value. */
export interface FieldProblem {
  readonly field: string;
  readonly rule: 'required' | 'type' | 'min' | 'max' | 'minLength' | 'maxLength' | 'pattern' | 'format' | 'value' | 'unknown-field';
  readonly message: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ()/-]{3,30}$/;

/**
 * Checks submitted variables against a form-js schema, as the form itself would: required
 * fields, the type each component produces, `validate` (min/max, minLength/maxLength, pattern,
 * validationType email/phone) and the static options of radio, select, checklist and taglist.
 * Keys the form does not declare are refused. A field the form hides (`conditional.hide` true for
 * the submitted data, as form-js evaluates it) is not checked. Returns every problem; none means valid.
 */
export function validateFormData(schema: { readonly components?: readonly FormComponent[] }, data: Readonly<Record<string, unknown>>, now = Date.now()): FieldProblem[] {
  return validateFields(formFields(schema.components), data, '', data, now);
}

function validateFields(fields: readonly FormField[], data: Readonly<Record<string, unknown>>, prefix: string, formData: Readonly<Record<string, unknown>>, now: number): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const field of fields) {
    if (isHidden(field, formData, now)) continue;
    const name = prefix + field.path.join('.');
    const value = valueAt(data, field.path);
    if (value === undefined || value === null || value === '') {
      if (field.component.validate?.required) problems.push({ field: name, rule: 'required', message: `${label(field, name)} is required.` });
      continue;
    }
    if (field.items) {
      if (!Array.isArray(value) || value.some((item) => !isObject(item))) problems.push({ field: name, rule: 'type', message: `${label(field, name)} must be a list of entries.` });
      else (value as Record<string, unknown>[]).forEach((item, index) => problems.push(...validateFields(field.items ?? [], item, `${name}[${index}].`, { ...formData, ...item }, now)));
      continue;
    }
    problems.push(...checkValue(field.component, value, name, label(field, name)));
  }
  problems.push(...unknownKeys(fields, data, prefix));
  return problems;
}

/** Whether a `conditional.hide` expression is true for the data; one that does not evaluate hides nothing. */
function isHidden(field: FormField, data: Readonly<Record<string, unknown>>, now: number): boolean {
  return field.hideWhen.some((source) => {
    const parsed = parseFeel(source);
    if (!parsed.ok) return false;
    const result = evaluateFeel(parsed.expression, data, { now });
    return result.ok && result.value === true;
  });
}

function checkValue(component: FormComponent, value: unknown, field: string, name: string): FieldProblem[] {
  const rules = component.validate ?? {};
  const options = component.values?.map((option) => option.value);
  switch (component.type) {
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return [{ field, rule: 'type', message: `${name} must be a number.` }];
      if (rules.min !== undefined && value < rules.min) return [{ field, rule: 'min', message: `${name} must be at least ${rules.min}.` }];
      if (rules.max !== undefined && value > rules.max) return [{ field, rule: 'max', message: `${name} must be at most ${rules.max}.` }];
      return [];
    case 'checkbox':
      return typeof value === 'boolean' ? [] : [{ field, rule: 'type', message: `${name} must be true or false.` }];
    case 'checklist':
    case 'taglist':
      if (!Array.isArray(value)) return [{ field, rule: 'type', message: `${name} must be a list.` }];
      return options && value.some((entry) => !options.includes(entry)) ? [{ field, rule: 'value', message: `${name} may only contain the form's options.` }] : [];
    case 'radio':
    case 'select':
      return options && !options.includes(value) ? [{ field, rule: 'value', message: `${name} must be one of the form's options.` }] : [];
    case 'textfield':
    case 'textarea':
    case 'datetime':
      return typeof value === 'string' ? checkText(rules, value, field, name) : [{ field, rule: 'type', message: `${name} must be text.` }];
    default:
      return [];
  }
}

function checkText(rules: NonNullable<FormComponent['validate']>, value: string, field: string, name: string): FieldProblem[] {
  if (rules.minLength !== undefined && value.length < rules.minLength) return [{ field, rule: 'minLength', message: `${name} must have at least ${rules.minLength} characters.` }];
  if (rules.maxLength !== undefined && value.length > rules.maxLength) return [{ field, rule: 'maxLength', message: `${name} must have at most ${rules.maxLength} characters.` }];
  if (rules.pattern && !safeTest(rules.pattern, value)) return [{ field, rule: 'pattern', message: `${name} does not have the required format.` }];
  if (rules.validationType === 'email' && !EMAIL.test(value)) return [{ field, rule: 'format', message: `${name} must be an e-mail address.` }];
  if (rules.validationType === 'phone' && !PHONE.test(value)) return [{ field, rule: 'format', message: `${name} must be a phone number.` }];
  return [];
}

/** A pattern the designer wrote that is no regular expression matches nothing. */
function safeTest(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern).test(value);
  } catch {
    return false;
  }
}

/** Keys at any object level the fields do not lead to. */
function unknownKeys(fields: readonly FormField[], data: Readonly<Record<string, unknown>>, prefix: string, depth = 0): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const [key, value] of Object.entries(data)) {
    const below = fields.filter((field) => field.path[depth] === key);
    if (below.length === 0) problems.push({ field: prefix + key, rule: 'unknown-field', message: `The form has no field ${prefix + key}.` });
    else if (below.every((field) => field.path.length > depth + 1) && isObject(value)) problems.push(...unknownKeys(below, value, `${prefix}${key}.`, depth + 1));
  }
  return problems;
}

function valueAt(data: Readonly<Record<string, unknown>>, path: readonly string[]): unknown {
  let current: unknown = data;
  for (const segment of path) {
    if (!isObject(current)) return undefined;
    current = current[segment];
  }
  return current;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function label(field: FormField, name: string): string {
  return field.component.label ? `'${field.component.label}' (${name})` : name;
}
