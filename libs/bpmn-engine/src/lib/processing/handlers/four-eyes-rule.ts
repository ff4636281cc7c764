import type { ExecutableElement } from '@laufweg/bpmn-model';
import type { ReadonlyEngineState, UserTaskRecord } from '../../state/engine-state';

type TaskRef = Pick<UserTaskRecord, 'key' | 'elementId' | 'processInstanceKey'>;

/**
 * The four-eyes rule (DOMAIN.md 3.4, ADR 0007): a user task whose element carries
 * `zeebe:property name="fourEyes" value="<element id>[, <element id> ...]"` may not be completed
 * by anyone who completed a task of a named element earlier in the same process instance.
 *
 * Scope: the process instance the task belongs to. A called process is an instance of its own
 * (element ids are only unique within one process, and a case may call the same sub-process
 * twice), so completions in the parent or in other calls do not count. "Earlier" means any
 * earlier completion, not only the last one: a person who reviewed in a first round of a rework
 * loop, or one iteration of a multi-instance review, has taken part and may not approve.
 * A completion of such a task without `completedBy` is refused, since the rule cannot be checked.
 */
export interface FourEyesViolation {
  /** The element of the task being completed. */
  readonly elementId: string;
  /** The earlier element the rule names, and the task of it the same person completed. */
  readonly earlierElementId: string;
  readonly earlierUserTaskKey: string;
  readonly completedBy: string;
}

/** The element ids a user task's `fourEyes` property names (comma-separated; blanks ignored). */
export function fourEyesElementIds(element: Pick<ExecutableElement, 'properties'>): string[] {
  return (element.properties['fourEyes'] ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
}

/** Why the rule refuses completing `task` by `completedBy`, or undefined when it may be completed. */
export function fourEyesRefusal(state: ReadonlyEngineState, task: TaskRef, element: Pick<ExecutableElement, 'properties'>, completedBy: string | undefined): string | undefined {
  const earlier = fourEyesElementIds(element);
  if (earlier.length === 0) return undefined;
  if (!completedBy) {
    return `Four-eyes rule: '${task.elementId}' must be completed by someone other than who completed ${earlier.map((id) => `'${id}'`).join(', ')}; user task ${task.key} cannot be completed without saying who completes it (completedBy).`;
  }
  const completers = state.elementInstances[task.processInstanceKey]?.userTaskCompleters ?? {};
  for (const earlierElementId of earlier) {
    const earlierUserTaskKey = completers[earlierElementId]?.[completedBy];
    if (earlierUserTaskKey !== undefined) return fourEyesReason({ elementId: task.elementId, earlierElementId, earlierUserTaskKey, completedBy });
  }
  return undefined;
}

const PREFIX = 'Four-eyes rule: ';

/**
 * The rejection reason for a violation. Its wording is a contract: callers that only see the
 * reason (the durable runtime hands on nothing else) read it back with `readFourEyesViolation`.
 */
export function fourEyesReason(violation: FourEyesViolation): string {
  return `${PREFIX}'${violation.elementId}' must be completed by someone other than who completed '${violation.earlierElementId}' (user task ${violation.earlierUserTaskKey}) in this process instance; ${violation.completedBy} completed it.`;
}

const REASON = /^Four-eyes rule: '([^']+)' must be completed by someone other than who completed '([^']+)' \(user task (\S+)\) in this process instance; (.+) completed it\.$/s;

/** The violation a rejection reason describes, if it is a four-eyes refusal of a known completer. */
export function readFourEyesViolation(reason: string): FourEyesViolation | undefined {
  if (!reason.startsWith(PREFIX)) return undefined;
  const match = REASON.exec(reason);
  if (!match) return undefined;
  const [, elementId, earlierElementId, earlierUserTaskKey, completedBy] = match as unknown as [string, string, string, string, string];
  return { elementId, earlierElementId, earlierUserTaskKey, completedBy };
}
