import { Duration } from 'luxon';
import type { JsonObject } from '@laufweg/bpmn-model';
import type { ConnectorAnswer, ConnectorAnswers } from '../format/scenario-definition';
import type { ScenarioJob } from '../engine/scenario-engine';

/** What the runner does with a job. */
export type JobAction =
  | { readonly kind: 'complete'; readonly variables: JsonObject }
  | { readonly kind: 'error'; readonly code: string; readonly message: string; readonly variables: JsonObject }
  | { readonly kind: 'fail'; readonly retries: number; readonly message: string; readonly backoffMs: number };

const OUTAGE_MESSAGE = 'connector unavailable (scenario outage)';

/**
 * The connectors' answers of a scenario, handed out per job type in call order, then the
 * default. A call is one job handed to the connector; a retried job is a new call. Two answers
 * hold on to their job: `pending` (never answered) and `outage` (fails every retry until the
 * retries are exhausted; the incident's resolution makes the next try a new call).
 */
export class ConnectorAnswerBook {
  private readonly calls = new Map<string, number>();
  private readonly pending = new Set<string>();
  private readonly outages = new Map<string, string>();
  /** Job types that had a job but no answer, for the failure message. */
  readonly unanswered = new Set<string>();

  constructor(private readonly answers: Readonly<Record<string, ConnectorAnswers>> = {}) {}

  /** The action for a job now, or undefined when the job waits (pending, or no answer for its type). */
  next(job: ScenarioJob): JobAction | undefined {
    if (this.pending.has(job.key)) return undefined;
    const outage = this.outages.get(job.key);
    if (outage !== undefined) return this.fail(job, outage);
    const answer = this.take(job.type);
    if (answer === undefined) {
      this.unanswered.add(`${job.type} at '${job.elementId}'`);
      return undefined;
    }
    if ('variables' in answer) return { kind: 'complete', variables: answer.variables };
    if ('error' in answer) {
      const error = typeof answer.error === 'string' ? { code: answer.error } : answer.error;
      return { kind: 'error', code: error.code, message: error.message ?? '', variables: error.variables ?? {} };
    }
    if ('failure' in answer) {
      const { retries, message, backoff } = answer.failure;
      return {
        kind: 'fail',
        retries: retries ?? Math.max(job.retries - 1, 0),
        message: message ?? 'connector failure (scenario)',
        backoffMs: backoff === undefined ? 0 : Duration.fromISO(backoff).toMillis(),
      };
    }
    if ('outage' in answer) {
      const message = typeof answer.outage === 'string' ? answer.outage : OUTAGE_MESSAGE;
      this.outages.set(job.key, message);
      return this.fail(job, message);
    }
    this.pending.add(job.key);
    return undefined;
  }

  private fail(job: ScenarioJob, message: string): JobAction {
    const retries = Math.max(job.retries - 1, 0);
    if (retries === 0) this.outages.delete(job.key);
    return { kind: 'fail', retries, message, backoffMs: 0 };
  }

  private take(type: string): ConnectorAnswer | undefined {
    const configured = this.answers[type];
    if (configured === undefined) return undefined;
    const index = this.calls.get(type) ?? 0;
    const list = isList(configured) ? configured : (configured.calls ?? []);
    const answer = list[index] ?? (isList(configured) ? undefined : configured.default);
    if (answer !== undefined) this.calls.set(type, index + 1);
    return answer;
  }
}

function isList(answers: ConnectorAnswers): answers is readonly ConnectorAnswer[] {
  return Array.isArray(answers);
}
