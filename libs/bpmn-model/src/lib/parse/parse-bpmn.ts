import { BpmnModdle, type ModdleImportWarning, type ModdleParseResult } from 'bpmn-moddle';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { hasErrors, type ModelProblem, type ModelResult } from '../problem';
import { decodeXmlInput } from './decode-xml-input';
import { booleanProp, elementsProp, idOf, isA, type ModdleElement } from './moddle-element';
import { walkElements } from './walk-elements';
import { escapeElementIds, restoreElementIds } from './escape-element-ids';
import { importWarningToProblem, locationOf, type ImportProblemContext } from './moddle-import-problems';
import { DEFAULT_MAX_BPMN_BYTES, type ParseBpmnOptions, type ParsedBpmn } from './parsed-bpmn';
import { resolveQualifiedReferences } from './resolve-qualified-references';
import { scanXmlMarkup } from './scan-xml-markup';
import { LEGACY_BPMN_NAMESPACE, namespaceForUndeclaredPrefix } from './well-known-namespaces';

type ImportOutcome =
  | { readonly ok: true; readonly result: ModdleParseResult }
  | { readonly ok: false; readonly message: string; readonly warnings: readonly ModdleImportWarning[] };

/** Creates the moddle Laufweg reads with: BPMN, DI, Zeebe, and the BPMN 2.0 beta namespace as an alias. */
export function createBpmnModdle(): BpmnModdle {
  return new BpmnModdle({ zeebe }, { nsMap: { [LEGACY_BPMN_NAMESPACE]: 'bpmn' } });
}

/**
 * Reads a BPMN 2.0 document into bpmn-moddle with the Zeebe extension.
 *
 * Refuses what is unsafe or unreadable (DOCTYPE, too large, not well-formed, not BPMN, content
 * that had to be dropped in a way that changes the flow); everything else that moddle
 * tolerated is returned as warnings. Undeclared namespace prefixes are declared with their
 * customary namespace (a warning each) so that lenient snippets keep their attributes.
 */
export async function parseBpmn(input: string | Uint8Array, options: ParseBpmnOptions = {}): Promise<ModelResult<ParsedBpmn>> {
  const decoded = decodeXmlInput(input, options.maxBytes ?? DEFAULT_MAX_BPMN_BYTES);
  if (!decoded.ok) return decoded;
  const problems: ModelProblem[] = [...decoded.warnings];

  const scan = scanXmlMarkup(decoded.value);
  if (scan.hasDoctype) {
    return {
      ok: false,
      problems: [
        {
          severity: 'error',
          rule: 'xml-doctype-forbidden',
          message: 'The document contains a DOCTYPE or ENTITY declaration, which is refused for security (XXE); remove it.',
        },
      ],
    };
  }
  if (scan.hasBareAmpersand) {
    problems.push({
      severity: 'warning',
      rule: 'xml-bare-ampersand',
      message: 'The document contains an "&" that is not written as "&amp;"; it was read literally.',
    });
  }

  const escaped = escapeElementIds(scan.text);
  const moddle = createBpmnModdle();
  let text = escaped.text;
  let outcome = await importXml(moddle, text);
  const undeclared = undeclaredPrefixes(outcome);
  if (undeclared.length > 0 && scan.rootNameEnd !== undefined) {
    text = declarePrefixes(text, scan.rootNameEnd, undeclared);
    problems.push(...undeclared.map(undeclaredPrefixProblem));
    outcome = await importXml(moddle, text);
  }
  if (!outcome.ok) {
    return { ok: false, problems: [...problems, importFailure(outcome.message)] };
  }

  const { rootElement, elementsById } = outcome.result;
  const warnings = resolveQualifiedReferences(rootElement, elementsById, outcome.result.warnings);
  const executable = executability(rootElement);
  const importContext: ImportProblemContext = {
    moddle,
    severityFor: (element) => (executable(element) ? 'error' : 'warning'),
    elementById: (id) => elementsById[id],
    schemaViolation: options.schemaViolations ?? 'error',
  };
  for (const warning of warnings) {
    const problem = importWarningToProblem(warning, importContext);
    if (problem !== undefined) problems.push(problem);
  }
  if (Object.values(rootElement.$attrs ?? {}).includes(LEGACY_BPMN_NAMESPACE)) {
    problems.push({
      severity: 'warning',
      rule: 'bpmn-legacy-namespace',
      message: `The document uses the BPMN 2.0 beta namespace ${LEGACY_BPMN_NAMESPACE}; it was read as BPMN 2.0 and is written back with the final namespace.`,
    });
  }
  if (hasErrors(problems)) return { ok: false, problems: restoreIdsIn(problems, escaped.placeholders) };
  restoreElementIds(rootElement, escaped.placeholders);
  problems.push(...invalidIdProblems(rootElement, escaped.invalidIds));
  const byId = new Map(Object.entries(elementsById).map(([id, element]) => [escaped.placeholders.get(id) ?? id, element]));
  return { ok: true, value: { definitions: rootElement, moddle, elementsById: byId }, warnings: restoreIdsIn(problems, escaped.placeholders) };
}

/**
 * Whether an element will run: it lies in a process with `isExecutable="true"`. Elements outside
 * any process (messages, errors, or unknown) count as running when any process of the document does.
 */
function executability(definitions: ModdleElement): (element: ModdleElement | undefined) => boolean {
  const processes = elementsProp(definitions, 'rootElements').filter((root) => isA(root, 'bpmn:Process'));
  const anyExecutable = processes.some((process) => booleanProp(process, 'isExecutable') === true);
  return (element) => {
    for (let current = element; current !== undefined; current = current.$parent) {
      if (isA(current, 'bpmn:Process')) return booleanProp(current, 'isExecutable') === true;
    }
    return anyExecutable;
  };
}

async function importXml(moddle: BpmnModdle, text: string): Promise<ImportOutcome> {
  try {
    return { ok: true, result: await moddle.fromXML(text, 'bpmn:Definitions') };
  } catch (error: unknown) {
    const failure = error instanceof Error ? error : new Error(String(error));
    const warnings = (failure as { readonly warnings?: unknown }).warnings;
    return { ok: false, message: failure.message, warnings: Array.isArray(warnings) ? (warnings as ModdleImportWarning[]) : [] };
  }
}

/** Prefixes used without a namespace declaration, from moddle's warnings or its fatal error. */
function undeclaredPrefixes(outcome: ImportOutcome): string[] {
  const messages = outcome.ok ? outcome.result.warnings.map(nestedMessage) : [outcome.message, ...outcome.warnings.map(nestedMessage)];
  const prefixes = new Set<string>();
  for (const message of messages) {
    const match = /missing namespace for prefix <([^>]+)>|missing namespace on <([^:>]+):/.exec(message);
    const prefix = match?.[1] ?? match?.[2];
    if (prefix !== undefined) prefixes.add(prefix);
  }
  return [...prefixes];
}

function nestedMessage(warning: ModdleImportWarning): string {
  return warning.error?.message ?? warning.message;
}

function declarePrefixes(text: string, rootNameEnd: number, prefixes: readonly string[]): string {
  const declarations = prefixes.map((prefix) => ` xmlns:${prefix}="${namespaceForUndeclaredPrefix(prefix)}"`).join('');
  return text.slice(0, rootNameEnd) + declarations + text.slice(rootNameEnd);
}

function undeclaredPrefixProblem(prefix: string): ModelProblem {
  return {
    severity: 'warning',
    rule: 'xml-namespace-undeclared',
    message: `The prefix "${prefix}" is used but never declared; it was read as ${namespaceForUndeclaredPrefix(prefix)}. Declare it with xmlns:${prefix}.`,
  };
}

/** Warnings for BPMN elements (not vendor extensions, whose ids are their own business) with invalid ids. */
function invalidIdProblems(definitions: ModdleElement, invalidIds: readonly string[]): ModelProblem[] {
  if (invalidIds.length === 0) return [];
  const invalid = new Set(invalidIds);
  const problems: ModelProblem[] = [];
  walkElements(definitions, (element) => {
    const id = element.$descriptor.isGeneric === true ? undefined : idOf(element);
    if (id === undefined || !invalid.has(id)) return;
    problems.push({
      severity: 'warning',
      rule: 'bpmn-invalid-id',
      elementId: id,
      message: `The id "${id}" is not a valid XML name (it must start with a letter or "_" and contain no spaces); rename the element.`,
    });
  });
  return problems;
}

/** Problems mention placeholders where moddle saw them; show the real ids. */
function restoreIdsIn(problems: readonly ModelProblem[], placeholders: ReadonlyMap<string, string>): ModelProblem[] {
  if (placeholders.size === 0) return [...problems];
  const restore = (text: string): string => text.replace(/__laufweg_id_\d+__/g, (placeholder) => placeholders.get(placeholder) ?? placeholder);
  return problems.map((problem) => ({
    ...problem,
    message: restore(problem.message),
    ...(problem.elementId === undefined ? {} : { elementId: restore(problem.elementId) }),
  }));
}

function importFailure(message: string): ModelProblem {
  if (message.startsWith('failed to parse document as')) {
    return {
      severity: 'error',
      rule: 'xml-not-bpmn',
      message: 'The document is not a BPMN 2.0 model: its root element must be <definitions> in the namespace http://www.omg.org/spec/BPMN/20100524/MODEL.',
    };
  }
  const nested = /nested error: (.*)$/s.exec(message)?.[1] ?? message;
  return {
    severity: 'error',
    rule: 'xml-not-well-formed',
    message: `The document is not well-formed XML${locationOf(message)}: ${nested.trim()}.`,
  };
}
