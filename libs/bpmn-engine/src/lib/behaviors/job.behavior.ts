import type { JobDefinition } from '@laufweg/bpmn-model';
import { event } from '../events/engine-event';
import { failure, type ElementContext, type HookResult } from '../processors/element-processor';
import type { Processing } from '../processing/processing';
import type { UserTaskRecord } from '../state/engine-state';
import type { ExpressionBehavior } from './expression.behavior';

/** Work handed to the outside: jobs for workers, user tasks for people. */
export class JobBehavior {
  constructor(
    private readonly processing: Processing,
    private readonly expressions: ExpressionBehavior,
  ) {}

  createJob(context: ElementContext, definition: JobDefinition | undefined = context.element.job, extraHeaders: Record<string, string> = {}): HookResult {
    if (!definition) return failure('UNSUPPORTED', `Element '${context.element.id}' has no job definition.`);
    const { instance } = context;
    const type = this.expressions.string(definition.type, instance.key);
    if (!type.ok) return type.failure;
    const retries = this.expressions.number(definition.retries, instance.key);
    if (!retries.ok) return retries.failure;
    this.processing.emit(
      event('JobCreated', {
        job: {
          key: this.processing.newKey(),
          type: type.value,
          retries: retries.value,
          state: 'activatable',
          elementId: instance.elementId,
          elementInstanceKey: instance.key,
          processInstanceKey: instance.processInstanceKey,
          processId: instance.processId,
          customHeaders: { ...definition.headers, ...extraHeaders },
        },
      }),
    );
    return undefined;
  }

  createUserTask(context: ElementContext): HookResult {
    const { instance, element } = context;
    const definition = element.userTask ?? {};
    const task: UserTaskRecord = {
      key: this.processing.newKey(),
      elementId: instance.elementId,
      elementInstanceKey: instance.key,
      processInstanceKey: instance.processInstanceKey,
      processId: instance.processId,
      candidateGroups: [],
      candidateUsers: [],
      createdAt: this.processing.now(),
      ...(definition.formKey ? { formKey: definition.formKey } : {}),
      ...(definition.formId ? { formId: definition.formId } : {}),
    };
    for (const field of ['assignee', 'externalReference', 'dueDate', 'followUpDate'] as const) {
      const value = definition[field];
      if (!value) continue;
      const result = this.expressions.string(value, instance.key);
      if (!result.ok) return result.failure;
      task[field] = result.value;
    }
    for (const field of ['candidateGroups', 'candidateUsers'] as const) {
      const value = definition[field];
      if (!value) continue;
      const result = this.expressions.stringList(value, instance.key);
      if (!result.ok) return result.failure;
      task[field] = result.value;
    }
    this.processing.emit(event('UserTaskCreated', { userTask: task }));
    return undefined;
  }

  /** Cancels the jobs and user tasks of an instance that is leaving. */
  cancelAllOf(elementInstanceKey: string): void {
    for (const job of Object.values(this.processing.state.jobs)) {
      if (job.elementInstanceKey === elementInstanceKey) this.processing.emit(event('JobCanceled', { key: job.key }));
    }
    for (const task of Object.values(this.processing.state.userTasks)) {
      if (task.elementInstanceKey === elementInstanceKey) this.processing.emit(event('UserTaskCanceled', { key: task.key }));
    }
  }
}
