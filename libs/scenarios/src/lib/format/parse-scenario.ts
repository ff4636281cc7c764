import Ajv2020, { type ErrorObject } from 'ajv/dist/2020';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { scenarioSchema as schema } from '../../scenario-schema';
import type { ScenarioDefinition } from './scenario-definition';

/** Something wrong with a scenario file: where (file, YAML path, line) and what. */
export interface ScenarioProblem {
  readonly file: string;
  /** The YAML path, e.g. `steps[2].completeUserTask.element`; empty for the document. */
  readonly path: string;
  readonly line?: number;
  readonly column?: number;
  readonly message: string;
}

/** Finds the line of a YAML path in the parsed text (for problems found after parsing). */
export type ScenarioLocator = (segments: readonly (string | number)[], message: string) => ScenarioProblem;

export type ParseScenarioResult =
  | { readonly ok: true; readonly definition: ScenarioDefinition; readonly locate: ScenarioLocator }
  | { readonly ok: false; readonly problems: readonly ScenarioProblem[] };

/** The published JSON Schema of the format (draft 2020-12). */
export const SCENARIO_SCHEMA: Readonly<Record<string, unknown>> = schema;

// Formats are for editors; dates are checked below (ajv-formats is not a dependency).
const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictTypes: false, validateFormats: false });
const validate = ajv.compile<ScenarioDefinition>(schema);

const PATTERN_TEXT: Readonly<Record<string, string>> = {
  [schema.$defs.duration.pattern]: "is neither an ISO 8601 duration (P1D, PT2H, P1M) nor 'N working days'",
  [schema.$defs.isoDuration.pattern]: 'is not an ISO 8601 duration (PT5M, P1D)',
};

/** Parses YAML text and checks it against the schema; `file` names the source in problems. */
export function parseScenario(text: string, file: string): ParseScenarioResult {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    return {
      ok: false,
      problems: document.errors.map((error) => {
        const position = lineCounter.linePos(error.pos[0]);
        return { file, path: '', line: position.line, column: position.col, message: `YAML syntax: ${error.message.split('\n')[0]}` };
      }),
    };
  }
  const value: unknown = document.toJS();
  if (!validate(value)) {
    const problems = (validate.errors ?? []).map((error) => describeError(error, document, lineCounter, file));
    return { ok: false, problems: dedupe(problems) };
  }
  const startTime = value.startTime;
  if (startTime !== undefined && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(startTime)) {
    return { ok: false, problems: [at(document, lineCounter, file, ['startTime'], `'${startTime}' is not an ISO 8601 date-time with offset (2026-03-02T09:00:00+01:00)`)] };
  }
  if (value.application !== undefined && value.applicationFile !== undefined) {
    return { ok: false, problems: [at(document, lineCounter, file, ['applicationFile'], 'give either application or applicationFile, not both')] };
  }
  return { ok: true, definition: value, locate: (segments, message) => at(document, lineCounter, file, segments, message) };
}

/** `steps[2].completeUserTask.element` from the segments. */
export function formatYamlPath(segments: readonly (string | number)[]): string {
  return segments.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join('');
}

function describeError(error: ErrorObject, document: Document, lineCounter: LineCounter, file: string): ScenarioProblem {
  const segments: (string | number)[] = [];
  for (const raw of error.instancePath.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    segments.push(/^\d+$/.test(segment) && isSeq(document.getIn(segments, true)) ? Number(segment) : segment);
  }
  const message = messageOf(error, document, segments);
  // An unknown key is named in the path, and the position is the key's.
  if (error.keyword !== 'additionalProperties') return at(document, lineCounter, file, segments, message);
  segments.push(String((error.params as { additionalProperty: string }).additionalProperty));
  return at(document, lineCounter, file, segments, message, true);
}

function messageOf(error: ErrorObject, document: Document, segments: readonly (string | number)[]): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const allowed = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const key = String(params['additionalProperty']);
      return `unknown key '${key}'${allowed.length > 0 ? ` (allowed: ${allowed.join(', ')})` : ''}`;
    }
    case 'required':
      return `'${String(params['missingProperty'])}' is missing`;
    case 'maxProperties':
    case 'minProperties': {
      const node = document.getIn(segments, true);
      const keys = isMap(node) ? node.items.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : '?')) : [];
      const allowed = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      if (keys.length === 0) return `is empty; give one of: ${allowed.join(', ')}`;
      return `has ${keys.join(' and ')}; give exactly one of: ${allowed.join(', ')}`;
    }
    case 'pattern':
      return `'${String(document.getIn(segments))}' ${PATTERN_TEXT[String(params['pattern'])] ?? `does not match ${String(params['pattern'])}`}`;
    case 'enum':
      return `must be one of: ${(params['allowedValues'] as unknown[]).map(String).join(', ')}`;
    case 'const':
      return `must be ${JSON.stringify(params['allowedValue'])}`;
    case 'type':
      return `must be ${String(params['type']).replace(',', ' or ')}`;
    case 'not':
      return 'must not be false';
    default:
      return error.message ?? error.keyword;
  }
}

function at(document: Document, lineCounter: LineCounter, file: string, segments: readonly (string | number)[], message: string, atKey = false): ScenarioProblem {
  const path = formatYamlPath(segments);
  const parent = document.getIn(segments.slice(0, -1), true);
  const keyNode = atKey && isMap(parent) ? parent.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === String(segments.at(-1)))?.key : undefined;
  if (isScalar(keyNode) && keyNode.range) {
    const position = lineCounter.linePos(keyNode.range[0]);
    return { file, path, line: position.line, column: position.col, message };
  }
  for (let length = segments.length; length >= 0; length--) {
    const node = document.getIn(segments.slice(0, length), true) as { range?: [number, number, number] } | undefined;
    if (node?.range) {
      const position = lineCounter.linePos(node.range[0]);
      return { file, path, line: position.line, column: position.col, message };
    }
  }
  return { file, path, message };
}

function dedupe(problems: readonly ScenarioProblem[]): ScenarioProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.path}\u0000${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** `file:line:column path: message`, the way compilers print problems. */
export function formatProblem(problem: ScenarioProblem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}:${problem.column ?? 1}`;
  return `${where} ${problem.path === '' ? '' : `${problem.path}: `}${problem.message}`;
}
