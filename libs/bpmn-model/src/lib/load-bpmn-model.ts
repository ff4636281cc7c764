import type { ExecutableDefinitions } from './compile/executable-model';
import { compileDefinitions } from './compile/compile-definitions';
import { parseBpmn } from './parse/parse-bpmn';
import type { ParseBpmnOptions, ParsedBpmn } from './parse/parsed-bpmn';
import { hasErrors, type ModelProblem, type ModelResult } from './problem';
import { validateBpmn } from './validate/validate-bpmn';

/** A BPMN document read, checked and compiled: what a deployment stores and runs. */
export interface LoadedBpmnModel {
  readonly parsed: ParsedBpmn;
  readonly executable: ExecutableDefinitions;
}

/**
 * The whole way from XML to an executable model: parse, validate, compile. Any error of any
 * step rejects the document with every problem found so far; warnings of all steps are kept.
 */
export async function loadBpmnModel(input: string | Uint8Array, options: ParseBpmnOptions = {}): Promise<ModelResult<LoadedBpmnModel>> {
  const parsed = await parseBpmn(input, options);
  if (!parsed.ok) return parsed;
  const validation = validateBpmn(parsed.value);
  const warnings: ModelProblem[] = [...parsed.warnings, ...validation.filter((problem) => problem.severity === 'warning')];
  if (hasErrors(validation)) return { ok: false, problems: [...validation.filter((problem) => problem.severity === 'error'), ...warnings] };
  const compiled = compileDefinitions(parsed.value.definitions);
  if (!compiled.ok) return { ok: false, problems: [...compiled.problems, ...warnings] };
  return { ok: true, value: { parsed: parsed.value, executable: compiled.value }, warnings: [...warnings, ...compiled.warnings] };
}
