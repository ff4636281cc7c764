import type { ExecutableElement, JsonObject } from '@laufweg/bpmn-model';
import type { Behaviors } from '../../behaviors/behaviors';
import { InconsistentStateError } from '../../events/appliers/applier';
import { event } from '../../events/engine-event';
import { failure } from '../../processors/element-processor';
import type { UserTaskRecord } from '../../state/engine-state';
import { retryStep } from '../step-runner';
import { reject, type CommandHandlerTable } from './command-handler';
import { fourEyesRefusal } from './four-eyes-rule';

type WorkCommands = 'CompleteJob' | 'FailJob' | 'ThrowJobError' | 'CompleteUserTask' | 'AssignUserTask' | 'ResolveIncident';

export const workHandlers: CommandHandlerTable<WorkCommands> = {
  CompleteJob(command, behaviors) {
    const job = behaviors.processing.state.jobs[command.jobKey];
    if (!job || job.state === 'errorThrown') return reject(`No open job ${command.jobKey}.`);
    behaviors.processing.emit(event('JobCompleted', { key: job.key, variables: command.variables ?? {} }));
    triggerOwner(job.elementInstanceKey, command.variables ?? {}, behaviors);
    return undefined;
  },
  FailJob(command, behaviors) {
    const { processing } = behaviors;
    const job = processing.state.jobs[command.jobKey];
    if (!job || job.state === 'errorThrown') return reject(`No open job ${command.jobKey}.`);
    const backoff = command.retryBackoffMs ?? 0;
    const errorMessage = command.errorMessage ?? 'The job failed.';
    processing.emit(event('JobFailed', { key: job.key, retries: command.retries, errorMessage, ...(command.retries > 0 && backoff > 0 ? { retryAt: processing.now() + backoff } : {}) }));
    const instance = processing.instance(job.elementInstanceKey);
    if (command.retries <= 0 && instance) {
      behaviors.incidents.raise(behaviors.lifecycle.context(instance), failure('JOB_NO_RETRIES', errorMessage), job.key);
    }
    return undefined;
  },
  ThrowJobError(command, behaviors) {
    const { processing } = behaviors;
    const job = processing.state.jobs[command.jobKey];
    if (!job || job.state === 'errorThrown') return reject(`No open job ${command.jobKey}.`);
    const errorMessage = command.errorMessage ?? '';
    processing.emit(event('JobErrorThrown', { key: job.key, errorCode: command.errorCode, errorMessage }));
    const instance = processing.instance(job.elementInstanceKey);
    if (!instance) return undefined;
    const outcome = behaviors.throws.throwEvent('error', command.errorCode, instance, command.variables ?? {});
    if (!outcome.caught) {
      const message = `The error '${command.errorCode}' thrown by the job of '${instance.elementId}' was not caught${errorMessage ? `: ${errorMessage}` : '.'}`;
      behaviors.incidents.raise(behaviors.lifecycle.context(instance), failure('UNHANDLED_ERROR_EVENT', message), job.key);
    }
    return undefined;
  },
  CompleteUserTask(command, behaviors) {
    const task = behaviors.processing.state.userTasks[command.userTaskKey];
    if (!task) return reject(`No open user task ${command.userTaskKey}.`);
    const refusal = fourEyesRefusal(behaviors.processing.state, task, taskElement(task, behaviors), command.completedBy);
    if (refusal) return reject(refusal);
    const completedBy = command.completedBy !== undefined ? { completedBy: command.completedBy } : {};
    behaviors.processing.emit(event('UserTaskCompleted', { key: task.key, variables: command.variables ?? {}, ...completedBy }));
    triggerOwner(task.elementInstanceKey, command.variables ?? {}, behaviors);
    return undefined;
  },
  AssignUserTask(command, behaviors) {
    const task = behaviors.processing.state.userTasks[command.userTaskKey];
    if (!task) return reject(`No open user task ${command.userTaskKey}.`);
    behaviors.processing.emit(event('UserTaskAssigned', { key: task.key, assignee: command.assignee }));
    return undefined;
  },
  ResolveIncident(command, behaviors) {
    const { processing } = behaviors;
    const incident = processing.state.incidents[command.incidentKey];
    if (!incident) return reject(`No open incident ${command.incidentKey}.`);
    const job = incident.jobKey ? processing.state.jobs[incident.jobKey] : undefined;
    if (job) {
      const retries = command.retries ?? Math.max(job.retries, 1);
      if (retries <= 0) return reject('A job incident needs retries > 0 to be resolved.');
      processing.emit(event('JobRetriesUpdated', { key: job.key, retries }));
    }
    processing.emit(event('IncidentResolved', { key: incident.key }));
    if (!job) retryStep(incident.elementInstanceKey, behaviors);
    return undefined;
  },
};

function triggerOwner(elementInstanceKey: string, variables: JsonObject, behaviors: Behaviors): void {
  const instance = behaviors.processing.instance(elementInstanceKey);
  if (instance) behaviors.triggers.trigger(instance.key, instance.elementId, true, variables);
}

/** The model element of an open user task (its instance names the definition it runs on). */
function taskElement(task: Pick<UserTaskRecord, 'key' | 'elementId' | 'elementInstanceKey'>, behaviors: Behaviors): ExecutableElement {
  const { processing } = behaviors;
  const instance = processing.instance(task.elementInstanceKey);
  if (!instance) throw new InconsistentStateError(`User task ${task.key} has no element instance.`);
  return processing.element({ processDefinitionKey: instance.processDefinitionKey, elementId: task.elementId });
}
