import type { JsonObject } from '@laufweg/bpmn-model';
import type { EngineEvent } from '@laufweg/bpmn-engine';
import type { ConnectorAnswer, ScenarioStep } from '../format/scenario-definition';
import { formatExactDuration } from '../run/scenario-time';
import type { PersonalDataRedactor } from './personal-data-redactor';
import { TreeMembership } from './tree-membership';

/** What the reader recovered from a history. */
export interface ReadHistory {
  readonly processId: string;
  readonly application: JsonObject;
  readonly startMessage?: { name: string; correlationKey?: string };
  readonly connectors: Record<string, ConnectorAnswer[]>;
  readonly steps: ScenarioStep[];
}

/** Events that begin what an outside party did (a command); a lookahead stops at them. */
const COMMAND_STARTS = new Set<EngineEvent['type']>(['TimerTriggered', 'MessagePublished', 'SignalBroadcast', 'JobCompleted', 'JobFailed', 'JobErrorThrown', 'UserTaskCompleted', 'IncidentResolved']);

/**
 * Walks an instance tree's events in order and rebuilds what happened from outside: how it
 * started, each connector's answers, and the steps (user tasks, messages, signals, waits until
 * timers fired, incidents). Events of other instances in the same log are skipped.
 */
export class HistoryReader {
  private readonly tree: TreeMembership;
  private clock: number;
  private lastWaitFrom: number | undefined;
  private processId = '';
  private application: JsonObject = {};
  private startMessage: ReadHistory['startMessage'];
  private started = false;
  private triggeredStart = false;
  /** The command that started the root is still running (no other command has begun since). */
  private startCommand = false;
  private correlated = false;
  private retriesUpdated: number | undefined;
  private readonly openThrows = new Set<string>();
  private readonly timers = new Map<string, number>();
  private readonly jobs = new Map<string, { type: string; retryAt?: number }>();
  private readonly tasks = new Map<string, string>();
  private readonly incidents = new Map<string, string>();
  private readonly connectors: Record<string, ConnectorAnswer[]> = {};
  private readonly steps: ScenarioStep[] = [];

  constructor(
    private readonly rootKey: string,
    startTime: number,
    private readonly redactor: PersonalDataRedactor,
  ) {
    this.tree = new TreeMembership(rootKey);
    this.clock = startTime;
  }

  read(entries: readonly { readonly event: EngineEvent; readonly at: number | undefined }[]): ReadHistory {
    entries.forEach((entry, index) => {
      // Only outside parties emit these; a signal may also be thrown inside the same command.
      if (COMMAND_STARTS.has(entry.event.type) && entry.event.type !== 'MessagePublished' && entry.event.type !== 'SignalBroadcast') {
        this.startCommand = false;
        this.correlated = false;
      }
      const owned = this.tree.owns(entry.event);
      if (owned === true) this.owned(entry.event, entry.at);
      else if (owned === undefined) this.unowned(entry.event, entry.at, entries.slice(index + 1).map((next) => next.event));
    });
    return { processId: this.processId, application: this.application, ...(this.startMessage ? { startMessage: this.startMessage } : {}), connectors: this.connectors, steps: this.steps };
  }

  private owned(record: EngineEvent, at: number | undefined): void {
    switch (record.type) {
      case 'ElementActivating':
        if (record.key === this.rootKey) {
          this.processId = record.processId;
          this.startCommand = true;
        }
        if (record.flowScopeKey === this.rootKey) this.started = true;
        if (record.elementType === 'intermediateThrowEvent' || record.elementType === 'endEvent') this.openThrows.add(record.key);
        return;
      case 'ElementCompleted':
      case 'ElementTerminated':
        this.openThrows.delete(record.key);
        return;
      case 'VariableSet':
        if (!this.started && record.scopeKey === this.rootKey) this.application[record.name] = this.redactor.variable(record.name, record.value);
        return;
      case 'EventTriggered':
        if (!this.started && record.elementInstanceKey === this.rootKey) {
          this.triggeredStart = true;
          this.application = { ...this.application, ...this.redactor.variables(record.trigger.variables) };
        }
        return;
      case 'MessageSubscriptionCorrelated':
        this.correlated = true;
        return;
      case 'TimerCreated':
        this.timers.set(record.timer.key, record.timer.dueDate);
        return;
      case 'TimerTriggered':
        this.advance(this.timers.get(record.key) ?? this.clock);
        this.timers.delete(record.key);
        return;
      case 'TimerCanceled':
        this.timers.delete(record.key);
        return;
      case 'JobCreated':
        this.jobs.set(record.job.key, { type: record.job.type });
        return;
      case 'JobCompleted':
        return this.answer(record.key, { variables: this.redactor.variables(record.variables) });
      case 'JobErrorThrown':
        return this.answer(record.key, { error: record.errorCode });
      case 'JobFailed': {
        const backoff = record.retryAt !== undefined && record.retryAt > this.clock ? { backoff: formatExactDuration(record.retryAt - this.clock) } : {};
        this.answer(record.key, { failure: { retries: record.retries, ...backoff } });
        const job = this.jobs.get(record.key);
        if (job && record.retryAt !== undefined) job.retryAt = record.retryAt;
        return;
      }
      case 'JobRetriesUpdated':
        this.retriesUpdated = record.retries;
        return;
      case 'UserTaskCreated': {
        const { key, elementId, candidateGroups } = record.userTask;
        this.tasks.set(key, elementId);
        this.steps.push({ expectUserTask: { element: elementId, ...(candidateGroups[0] === undefined ? {} : { candidateGroup: candidateGroups[0] }) } });
        return;
      }
      case 'UserTaskCompleted': {
        this.elapse(at);
        const form = this.redactor.variables(record.variables);
        const user = record.completedBy === undefined ? {} : { user: this.redactor.user(record.completedBy) };
        this.steps.push({ completeUserTask: { element: this.tasks.get(record.key) ?? '', ...user, ...(Object.keys(form).length > 0 ? { form } : {}) } });
        return;
      }
      case 'IncidentCreated':
        this.incidents.set(record.incident.key, record.incident.elementId);
        this.steps.push({ expectIncident: { element: record.incident.elementId, errorType: record.incident.errorType } });
        return;
      case 'IncidentResolved': {
        this.elapse(at);
        const retries = this.retriesUpdated === undefined ? {} : { retries: this.retriesUpdated };
        this.retriesUpdated = undefined;
        this.steps.push({ resolveIncident: { element: this.incidents.get(record.key) ?? '', ...retries } });
        return;
      }
      default:
        return;
    }
  }

  /** Messages and signals: from outside, unless the tree threw the signal itself. */
  private unowned(record: EngineEvent, at: number | undefined, rest: readonly EngineEvent[]): void {
    if (record.type === 'MessagePublished') {
      const { name, correlationKey, variables } = record.message;
      if (this.triggeredStart && this.startCommand) {
        this.startMessage = { name, ...(correlationKey === '' ? {} : { correlationKey: this.redactor.text(correlationKey) }) };
      } else if (this.correlated) {
        this.elapse(at);
        const redacted = this.redactor.variables(variables);
        this.steps.push({
          message: { name, ...(correlationKey === '' ? {} : { correlationKey: this.redactor.text(correlationKey) }), ...(Object.keys(redacted).length > 0 ? { variables: redacted } : {}) },
        });
      }
      this.correlated = false;
      this.startCommand = false;
    } else if (record.type === 'SignalBroadcast' && this.openThrows.size === 0 && this.affectsTree(rest)) {
      this.elapse(at);
      const redacted = this.redactor.variables(record.variables);
      this.steps.push({ signal: { name: record.signalName, ...(Object.keys(redacted).length > 0 ? { variables: redacted } : {}) } });
    }
  }

  private affectsTree(rest: readonly EngineEvent[]): boolean {
    for (const record of rest) {
      if (COMMAND_STARTS.has(record.type)) return false;
      if (this.tree.owns(record, false) === true) return true;
    }
    return false;
  }

  private answer(jobKey: string, answer: ConnectorAnswer): void {
    const job = this.jobs.get(jobKey);
    if (!job) return;
    if (job.retryAt !== undefined && job.retryAt > this.clock) this.advance(job.retryAt);
    (this.connectors[job.type] ??= []).push(answer);
  }

  /** Time that passed before an outside action, never beyond a timer still pending (it fired later). */
  private elapse(at: number | undefined): void {
    if (at === undefined) return;
    const pending = [...this.timers.values()].filter((due) => due > this.clock);
    const cap = pending.length > 0 ? Math.min(...pending) - 1 : Number.POSITIVE_INFINITY;
    this.advance(Math.min(at, cap));
  }

  /** A wait up to `to`; consecutive waits merge into one. */
  private advance(to: number): void {
    if (to <= this.clock) return;
    const last = this.steps.at(-1);
    const from = last !== undefined && 'wait' in last && this.lastWaitFrom !== undefined ? this.lastWaitFrom : this.clock;
    if (from !== this.clock) this.steps.pop();
    this.lastWaitFrom = from;
    this.steps.push({ wait: formatExactDuration(to - from) });
    this.clock = to;
  }
}
