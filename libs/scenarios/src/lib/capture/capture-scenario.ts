import { Document, isSeq } from 'yaml';
import type { ExecutableDefinitions } from '@laufweg/bpmn-model';
import type { EngineEvent } from '@laufweg/bpmn-engine';
import type { ScenarioDefinition } from '../format/scenario-definition';
import { traceInstance } from '../run/trace-instance';
import { HistoryReader } from './history-reader';
import { PersonalDataRedactor, routeLiterals } from './personal-data-redactor';

/** One entry of an instance's history: an engine event, or an `instance_event` row with its payload. */
export type HistoryEntry = EngineEvent | { readonly payload: EngineEvent; readonly createdAt?: string | number | Date };

export interface CaptureOptions {
  readonly name: string;
  /** The route as the scenario names it (a route name or a .bpmn path relative to where the file goes). */
  readonly route: string;
  readonly tenant?: string;
  readonly land?: string;
  /** When the instance started; default the first entry's `createdAt`. Required when entries have none. */
  readonly startTime?: string | number;
  /** The root instance; default the first process instance the history starts. */
  readonly processInstanceKey?: string;
  /** Variables whose values are kept (not personal data: service keys, codes). */
  readonly keepVariables?: readonly string[];
  /** The route's compiled model: the strings its expressions name are kept. */
  readonly definitions?: ExecutableDefinitions;
  /** The schema's path relative to where the file goes, for the editor modeline. */
  readonly schemaPath?: string;
}

/**
 * Turns a finished instance's history into a scenario that replays it: the application, the
 * connectors' answers in call order, the caseworkers' decisions, messages, signals, the time
 * that passed until each timer fired, incidents and their resolution, and as expectations the
 * path taken, the end event, and the documents and notifications produced. Personal data is
 * replaced by placeholders (see PersonalDataRedactor). Returns the YAML text.
 */
export function captureScenario(history: readonly HistoryEntry[], options: CaptureOptions): string {
  const definition = captureScenarioDefinition(history, options);
  const document = new Document(definition);
  const modeline = options.schemaPath === undefined ? '' : ` yaml-language-server: $schema=${options.schemaPath}\n`;
  document.commentBefore = `${modeline} Captured from a process instance's history; personal data replaced by placeholders (docs/scenarios.md).`;
  const path = document.getIn(['expect', 'path'], true);
  if (isSeq(path)) path.flow = true;
  return document.toString({ lineWidth: 0 });
}

/** The scenario as an object (what `captureScenario` writes as YAML). */
export function captureScenarioDefinition(history: readonly HistoryEntry[], options: CaptureOptions): ScenarioDefinition {
  const entries = history.map((entry) => ('payload' in entry ? { event: entry.payload, at: instant(entry.createdAt) } : { event: entry, at: undefined }));
  const events = entries.map((entry) => entry.event);
  const rootKey = options.processInstanceKey ?? firstRoot(events);
  const startTime = options.startTime !== undefined ? instant(options.startTime) : entries[0]?.at;
  if (startTime === undefined) throw new Error('captureScenario needs the start time: pass options.startTime or entries with createdAt.');

  const redactor = new PersonalDataRedactor({ keepVariables: options.keepVariables, keepValues: options.definitions ? routeLiterals(options.definitions) : [] });
  const read = new HistoryReader(rootKey, startTime, redactor).read(entries);
  const trace = traceInstance(events, rootKey);
  const documents = countJobs(trace.completedJobs, isDocumentType);
  const notifications = countJobs(trace.completedJobs, isNotificationType);
  const lastEnd = trace.endEvents.at(-1);
  return {
    name: options.name,
    route: options.route,
    process: read.processId,
    ...(options.tenant === undefined ? {} : { tenant: options.tenant }),
    ...(options.land === undefined ? {} : { land: options.land }),
    startTime: new Date(startTime).toISOString(),
    ...(read.startMessage ? { startMessage: read.startMessage } : {}),
    application: read.application,
    ...(Object.keys(read.connectors).length > 0 ? { connectors: read.connectors } : {}),
    ...(read.steps.length > 0 ? { steps: read.steps } : {}),
    expect: {
      ...(trace.state === 'completed' && lastEnd !== undefined ? { endEvent: lastEnd } : {}),
      state: trace.state,
      path: trace.path,
      ...(Object.keys(documents).length > 0 ? { documents } : {}),
      ...(Object.keys(notifications).length > 0 ? { notifications } : {}),
    },
  };
}

/** Job types whose completion is a document (until connectors report documents themselves). */
export function isDocumentType(type: string): boolean {
  return type.startsWith('document.');
}

/** Job types whose completion is a notification to the applicant. */
export function isNotificationType(type: string): boolean {
  return type.endsWith('.notify') || type.startsWith('print.') || type.startsWith('mail.');
}

function countJobs(jobs: readonly { readonly type: string }[], include: (type: string) => boolean): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const job of jobs) if (include(job.type)) counts[job.type] = (counts[job.type] ?? 0) + 1;
  return counts;
}

function firstRoot(events: readonly EngineEvent[]): string {
  const root = events.find((record) => record.type === 'ElementActivating' && record.elementType === 'process' && record.flowScopeKey === null && record.parentElementInstanceKey === undefined);
  if (root?.type !== 'ElementActivating') throw new Error('The history starts no process instance.');
  return root.key;
}

function instant(value: string | number | Date | undefined): number | undefined {
  if (value === undefined) return undefined;
  const millis = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  if (Number.isNaN(millis)) throw new Error(`'${String(value)}' is not a point in time.`);
  return millis;
}
