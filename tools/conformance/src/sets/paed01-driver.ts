import type { JsonObject, JsonValue, ParsedBpmn } from '@laufweg/bpmn-model';
import type { EngineHarness } from '@laufweg/engine-testing';
import { DRIVEN_JOB_PREFIX, WAITING_JOB_PREFIX, type Paed01Interaction } from './paed01-model-adapter';

/** Thrown when an interaction cannot be carried out or an intermediate assertion fails. */
export class InteractionError extends Error {}

/**
 * Drives one paed01 interaction through the harness. Service results complete jobs, service
 * errors with a code throw BPMN errors (without: the job fails, an incident), messages and
 * signals are published by their model name, timers fire by advancing the clock to them.
 */
export function drive(engine: EngineHarness, parsed: ParsedBpmn, instance: string, interaction: Paed01Interaction): void {
  const activity = typeof interaction['activity'] === 'string' ? interaction['activity'] : '';
  const repeat = typeof interaction['repeat'] === 'number' ? interaction['repeat'] : 1;
  switch (interaction.type) {
    case 'complete_task':
    case 'service_result': {
      const variables = outputVariables(activity, interaction['output'] ?? interaction['result']);
      if (engine.userTasks(activity).length > 0) engine.completeUserTask(activity, variables);
      else if (engine.jobs({ elementId: activity }).length > 0) engine.completeJob(activity, variables);
      else triggerWaiting(engine, activity, variables);
      return;
    }
    case 'service_error': {
      const error = (interaction['error'] ?? {}) as Record<string, unknown>;
      // paed01 turns a failing service call into an error that catch-all boundaries catch.
      engine.throwError(activity, String(error['code'] ?? ''), {}, String(error['message'] ?? 'failed'));
      return;
    }
    case 'fail_task': {
      const ref = String(((interaction['error'] ?? {}) as Record<string, unknown>)['ref'] ?? '');
      const error = parsed.elementsById.get(ref) as unknown as Record<string, unknown> | undefined;
      engine.throwError(activity, String(error?.['errorCode'] ?? error?.['name'] ?? ref));
      return;
    }
    case 'deliver_message':
      engine.correlateMessage(nameOf(parsed, String(interaction['message'] ?? '')));
      return;
    case 'broadcast_signal':
      engine.broadcastSignal(nameOf(parsed, String(interaction['signal'] ?? '')));
      return;
    case 'trigger_event':
      triggerWaiting(engine, activity, {});
      return;
    case 'fire_timer':
      for (let index = 0; index < repeat; index++) {
        const timer = Object.values(engine.state.timers).find((candidate) => candidate.elementId === activity);
        if (!timer) throw new InteractionError(`No timer armed for '${activity}'.`);
        engine.advanceTo(Math.max(timer.dueDate, engine.clock.now()));
      }
      return;
    case 'set_clock':
      engine.clock.set(Date.parse(String(interaction['time'] ?? interaction['value'] ?? '')));
      return;
    case 'persist_and_resume':
      engine.persistAndResume();
      return;
    case 'cancel_activity': {
      const target = Object.values(engine.state.elementInstances).find((candidate) => candidate.elementId === activity);
      if (target) engine.execute({ type: 'ModifyProcessInstance', processInstanceKey: target.processInstanceKey, terminate: [target.key] });
      return;
    }
    case 'assert':
      checkAssert(engine, instance, interaction);
      return;
    default:
      throw new InteractionError(`Unknown interaction ${interaction.type}.`);
  }
}

/** Auto-completes every job no interaction drives (paed01 services answer at once). */
export function autoCompleteJobs(engine: EngineHarness, driven: ReadonlySet<string>): void {
  engine.setDefaultJobHandler((job) => {
    if (job.type.startsWith(WAITING_JOB_PREFIX)) return undefined;
    return driven.has(job.elementId) && job.type.startsWith(DRIVEN_JOB_PREFIX) ? undefined : { complete: {} };
  });
}

function triggerWaiting(engine: EngineHarness, activity: string, variables: JsonObject): void {
  const state = engine.state;
  const message = Object.values(state.messageSubscriptions).find((subscription) => subscription.elementId === activity);
  if (message) return engine.correlateMessage(message.messageName, message.correlationKey, variables);
  const signal = Object.values(state.signalSubscriptions).find((subscription) => subscription.elementId === activity);
  if (signal) return engine.broadcastSignal(signal.signalName, variables);
  const timer = Object.values(state.timers).find((candidate) => candidate.elementId === activity);
  if (timer) return engine.advanceTo(Math.max(timer.dueDate, engine.clock.now()));
  throw new InteractionError(`Nothing waits at '${activity}'.`);
}

function outputVariables(activity: string, output: unknown): JsonObject {
  if (output === undefined || output === null) return {};
  if (typeof output === 'object' && !Array.isArray(output)) return output as JsonObject;
  return { [activity]: output as JsonValue };
}

function nameOf(parsed: ParsedBpmn, id: string): string {
  const element = parsed.elementsById.get(id) as unknown as Record<string, unknown> | undefined;
  return typeof element?.['name'] === 'string' ? element['name'] : id;
}

function checkAssert(engine: EngineHarness, instance: string, interaction: Paed01Interaction): void {
  const waiting = Array.isArray(interaction['waiting']) ? interaction['waiting'].map((entry) => String(entry).split(' ')[0] ?? '') : [];
  const state = engine.state;
  const active = new Set([
    ...Object.values(state.elementInstances).map((candidate) => candidate.elementId),
    ...[...Object.values(state.messageSubscriptions), ...Object.values(state.signalSubscriptions), ...Object.values(state.timers)].map((candidate) => candidate.elementId),
  ]);
  const missing = waiting.filter((id) => !active.has(id));
  if (missing.length > 0) throw new InteractionError(`assert: not waiting at ${missing.join(', ')} (active: ${[...active].join(', ')}).`);
  if (interaction['no_timers_armed'] === true && Object.values(engine.state.timers).some((timer) => timer.processInstanceKey === instance)) {
    throw new InteractionError('assert: timers are still armed.');
  }
}
