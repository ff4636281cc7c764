import type { ModelProblem, ModelResult } from '../problem';
import { compileDmn, mergeDecisions } from './compile-dmn';
import type { ExecutableDecisions } from './executable-decision';
import { parseDmn, type ParseDmnOptions } from './parse-dmn';

/**
 * The whole way from DMN XML to executable decisions: parse, then compile (which validates).
 * Any error rejects the document with every problem found; warnings are kept.
 */
export async function loadDmnModel(input: string | Uint8Array, options: ParseDmnOptions = {}): Promise<ModelResult<ExecutableDecisions>> {
  const parsed = await parseDmn(input, options);
  if (!parsed.ok) return parsed;
  const compiled = compileDmn(parsed.value);
  if (!compiled.ok) return { ok: false, problems: [...compiled.problems, ...parsed.warnings] };
  return { ok: true, value: compiled.value, warnings: [...parsed.warnings, ...compiled.warnings] };
}

/**
 * The decision set of a deployment: every DMN document loaded and joined. Decision ids must be
 * unique across the documents; a requirement must name a decision of its own document.
 */
export async function loadDecisions(inputs: readonly (string | Uint8Array)[], options: ParseDmnOptions = {}): Promise<ModelResult<ExecutableDecisions>> {
  const sets: ExecutableDecisions[] = [];
  const problems: ModelProblem[] = [];
  const warnings: ModelProblem[] = [];
  for (const input of inputs) {
    const loaded = await loadDmnModel(input, options);
    if (loaded.ok) {
      sets.push(loaded.value);
      warnings.push(...loaded.warnings);
    } else {
      problems.push(...loaded.problems);
    }
  }
  if (problems.length > 0) return { ok: false, problems: [...problems, ...warnings] };
  const merged = mergeDecisions(sets);
  return merged.ok ? { ...merged, warnings } : { ok: false, problems: [...merged.problems, ...warnings] };
}
