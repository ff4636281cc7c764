import type { JsonObject } from '@laufweg/bpmn-model';
import type { BusinessCalendar } from '@laufweg/bpmn-engine';
import type { ScenarioStep } from '../format/scenario-definition';
import type { ScenarioEngine } from '../engine/scenario-engine';
import type { ConnectorAnswerBook, JobAction } from './connector-answers';
import { checkFeel, matchVariables } from './match-variables';
import { durationMillis, waitUntil } from './scenario-time';
import { traceInstance, type InstanceTrace } from './trace-instance';

/** More connector calls and timers than this without a wait state means the route loops. */
const MAX_ROUNDS = 10_000;
/** Timer firings within one wait (a daily timer for 100 years). */
const MAX_WAKE_UPS = 36_500;

/**
 * One scenario run in progress: drives the engine step by step, answering jobs from the
 * connector answers after every command and firing timers only when the scenario lets time pass.
 * A step returns undefined when it holds, or a sentence saying what differs.
 */
export class ScenarioRun {
  private readonly skipped = new Set<string>();

  constructor(
    readonly engine: ScenarioEngine,
    private readonly answers: ConnectorAnswerBook,
    private readonly calendar: BusinessCalendar,
    readonly rootKey: string,
  ) {}

  async trace(): Promise<InstanceTrace> {
    return traceInstance(await this.engine.events(), this.rootKey);
  }

  /** Answers every job it can and fires timers already due, until nothing moves. */
  async settle(): Promise<void> {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      if (await this.answerOneJob()) continue;
      const wake = await this.engine.nextWakeUp();
      if (wake === undefined || wake > this.engine.now()) return;
      await this.engine.advanceTo(this.engine.now());
    }
    throw new Error(`the route does not come to rest: more than ${MAX_ROUNDS} connector calls and timers without a wait state`);
  }

  /** Lets time pass to `target`: timers fire in due order, jobs are answered between them. */
  async advance(target: number): Promise<void> {
    for (let round = 0; ; round++) {
      if (round >= MAX_WAKE_UPS) throw new Error(`more than ${MAX_WAKE_UPS} timers fell due in one wait; wait in shorter steps`);
      const wake = await this.engine.nextWakeUp();
      if (wake === undefined || wake > target) break;
      await this.engine.advanceTo(Math.max(wake, this.engine.now()));
      await this.settle();
    }
    if (target > this.engine.now()) await this.engine.advanceTo(target);
    await this.settle();
  }

  async step(step: ScenarioStep): Promise<string | undefined> {
    if ('expectUserTask' in step) {
      const { element, candidateGroup, assignee } = step.expectUserTask;
      const found = await this.userTask(element);
      if (typeof found === 'string') return found;
      if (candidateGroup !== undefined && !found.candidateGroups.includes(candidateGroup)) {
        return `user task '${element}' is for the candidate groups [${found.candidateGroups.join(', ')}], not '${candidateGroup}'`;
      }
      if (assignee !== undefined && found.assignee !== assignee) return `user task '${element}' is assigned to ${found.assignee ?? 'nobody'}, not '${assignee}'`;
      return undefined;
    }
    if ('completeUserTask' in step) {
      const { element, user, form } = step.completeUserTask;
      const found = await this.userTask(element);
      if (typeof found === 'string') return found;
      await this.engine.completeUserTask(found.key, form ?? {}, user);
      return this.settled();
    }
    if ('message' in step) {
      const { name, correlationKey, variables, timeToLive } = step.message;
      await this.engine.correlateMessage(name, correlationKey ?? '', variables ?? {}, timeToLive === undefined ? 0 : durationMillis(timeToLive));
      return this.settled();
    }
    if ('signal' in step) {
      await this.engine.broadcastSignal(step.signal.name, step.signal.variables ?? {});
      return this.settled();
    }
    if ('wait' in step) {
      await this.advance(waitUntil(step.wait, this.engine.now(), this.calendar));
      return undefined;
    }
    if ('expectActive' in step) return this.expectActive(list(step.expectActive));
    if ('expectCompleted' in step) {
      const { completed } = await this.trace();
      const missing = list(step.expectCompleted).filter((id) => !completed.includes(id));
      return missing.length === 0 ? undefined : `${quote(missing)} not completed; completed so far: ${completed.join(', ') || 'nothing'}`;
    }
    if ('expectIncident' in step) {
      const found = await this.incident(step.expectIncident.element);
      if (typeof found === 'string') return found;
      const { errorType } = step.expectIncident;
      if (errorType !== undefined && found.errorType !== errorType) return `the incident at '${found.elementId}' is ${found.errorType} (${found.message}), not ${errorType}`;
      return undefined;
    }
    if ('resolveIncident' in step) {
      const found = await this.incident(step.resolveIncident.element);
      if (typeof found === 'string') return found;
      await this.engine.resolveIncident(found.key, step.resolveIncident.retries);
      return this.settled();
    }
    return this.expectVariables(step.expectVariables);
  }

  private async settled(): Promise<undefined> {
    await this.settle();
    return undefined;
  }

  private async expectActive(ids: readonly string[]): Promise<string | undefined> {
    const { processInstanceKeys } = await this.trace();
    const active = (await this.engine.activeElements()).filter((element) => processInstanceKeys.has(element.processInstanceKey)).map((element) => element.elementId);
    const missing = ids.filter((id) => !active.includes(id));
    return missing.length === 0 ? undefined : `${quote(missing)} not active; active: ${[...new Set(active)].sort().join(', ') || 'nothing'}`;
  }

  private async expectVariables(expectation: { readonly feel?: string; readonly match?: JsonObject }): Promise<string | undefined> {
    const variables = await this.engine.variables(this.rootKey);
    const problems: string[] = [];
    if (expectation.feel !== undefined) {
      const failed = checkFeel(expectation.feel, variables, this.engine.now());
      if (failed !== undefined) problems.push(failed);
    }
    if (expectation.match !== undefined) problems.push(...matchVariables(expectation.match, variables));
    return problems.length === 0 ? undefined : problems.join('; ');
  }

  private async userTask(elementId: string): Promise<{ key: string; candidateGroups: readonly string[]; assignee?: string } | string> {
    const { processInstanceKeys } = await this.trace();
    const open = (await this.engine.openUserTasks()).filter((task) => processInstanceKeys.has(task.processInstanceKey));
    return open.find((task) => task.elementId === elementId) ?? `no open user task '${elementId}'; open user tasks: ${open.map((task) => task.elementId).join(', ') || 'none'}`;
  }

  private async incident(elementId: string): Promise<{ key: string; elementId: string; errorType: string; message: string } | string> {
    const { processInstanceKeys } = await this.trace();
    const open = (await this.engine.openIncidents()).filter((incident) => processInstanceKeys.has(incident.processInstanceKey));
    return (
      open.find((incident) => incident.elementId === elementId) ??
      `no open incident at '${elementId}'; open incidents: ${open.map((incident) => `${incident.elementId} (${incident.errorType})`).join(', ') || 'none'}`
    );
  }

  private async answerOneJob(): Promise<boolean> {
    for (const job of await this.engine.availableJobs()) {
      const id = `${job.key}:${job.retries}`;
      if (this.skipped.has(id)) continue;
      const action = this.answers.next(job);
      if (action === undefined) {
        this.skipped.add(id);
        continue;
      }
      await this.apply(job.key, action);
      return true;
    }
    return false;
  }

  private async apply(jobKey: string, action: JobAction): Promise<void> {
    switch (action.kind) {
      case 'complete':
        return this.engine.completeJob(jobKey, action.variables);
      case 'error':
        return this.engine.throwJobError(jobKey, action.code, action.message, action.variables);
      case 'fail':
        return this.engine.failJob(jobKey, action.retries, action.message, action.backoffMs);
    }
  }
}

function list(ids: string | readonly string[]): readonly string[] {
  return typeof ids === 'string' ? [ids] : ids;
}

function quote(ids: readonly string[]): string {
  return ids.map((id) => `'${id}'`).join(', ');
}
