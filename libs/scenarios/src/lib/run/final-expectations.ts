import type { FinalExpectations } from '../format/scenario-definition';
import type { ScenarioLocator } from '../format/parse-scenario';
import { checkPathContains, diffPath } from './path-diff';
import type { ScenarioFailure } from './scenario-result';
import type { InstanceTrace } from './trace-instance';

/** Completed jobs by type. Connectors of issue 6 will add the documents they report here. */
export function producedByType(trace: InstanceTrace): Record<string, number> {
  const produced: Record<string, number> = {};
  for (const job of trace.completedJobs) produced[job.type] = (produced[job.type] ?? 0) + 1;
  return produced;
}

/** The path expectation alone: checked even when a step failed, because it shows where the run went. */
export function checkPath(expectations: FinalExpectations | undefined, trace: InstanceTrace, locate: ScenarioLocator): ScenarioFailure[] {
  const path = expectations?.path;
  if (path === undefined) return [];
  const diff = Array.isArray(path)
    ? diffPath(path as readonly string[], trace.path)
    : checkPathContains((path as { contains?: readonly string[] }).contains ?? [], (path as { excludes?: readonly string[] }).excludes ?? [], trace.path);
  return diff === undefined ? [] : [failure(locate, ['expect', 'path'], diff.message, diff.diff)];
}

/** End event, state, documents and notifications. */
export function checkOutcome(expectations: FinalExpectations | undefined, trace: InstanceTrace, locate: ScenarioLocator): ScenarioFailure[] {
  if (expectations === undefined) return [];
  const failures: ScenarioFailure[] = [];
  const { endEvent, state, documents, notifications } = expectations;
  if (endEvent !== undefined && !trace.endEvents.includes(endEvent)) {
    const reached = trace.endEvents.length > 0 ? `it reached ${trace.endEvents.map((id) => `'${id}'`).join(', ')}` : `no end event was reached (the instance is ${trace.state})`;
    failures.push(failure(locate, ['expect', 'endEvent'], `end event '${endEvent}' not reached; ${reached}`));
  }
  if (state !== undefined && trace.state !== state) failures.push(failure(locate, ['expect', 'state'], `the instance is ${trace.state}, not ${state}`));
  const produced = producedByType(trace);
  for (const [key, counts] of [['documents', documents], ['notifications', notifications]] as const) {
    for (const [type, count] of Object.entries(counts ?? {})) {
      const actual = produced[type] ?? 0;
      if (actual !== count) failures.push(failure(locate, ['expect', key, type], `${type}: expected ${count}, produced ${actual}`));
    }
  }
  return failures;
}

export function failure(locate: ScenarioLocator, segments: readonly (string | number)[], message: string, diff?: string): ScenarioFailure {
  const located = locate(segments, message);
  return { where: located.path, ...(located.line === undefined ? {} : { line: located.line }), message, ...(diff === undefined ? {} : { diff }) };
}
