import type { HttpException } from '@nestjs/common';
import { fourEyesReason } from '@laufweg/bpmn-engine';
import type { EngineRuntime, RunCommandResult } from '@laufweg/persistence';
import type { Caller } from '../../auth';
import type { TaskRow, UserTasksRepository } from './user-tasks.repository';
import { UserTasksService } from './user-tasks.service';

const TENANT = '14626000';

const task: TaskRow = {
  key: '30',
  element_id: 'approve',
  process_id: 'permit',
  process_instance_key: '1',
  root_key: '1',
  assignee: 'anna',
  candidate_groups: [],
  candidate_users: [],
  due_at: null,
  follow_up_at: null,
  priority: 50,
  created_at: new Date(0),
  element_instance_key: '29',
  form_id: null,
  form_key: null,
  process_definition_key: '7',
  deployment_key: '6',
};

const anna = { subject: 'anna', roles: new Set(['caseworker']) } as unknown as Caller;

/** The service over a runtime that answers `completeUserTask` with `outcome`, and an event log without earlier completions. */
function givenService(outcome: RunCommandResult): UserTasksService {
  const model = { elements: { approve: { properties: { fourEyes: 'review' } } } };
  const runtime = {
    pool: {},
    models: { ensureKeys: () => Promise.resolve(), get: (key: string) => (key === '7' ? model : undefined) },
    completeUserTask: () => Promise.resolve(outcome),
  };
  const repository = { find: () => Promise.resolve(task), completers: () => Promise.resolve([]) };
  return new UserTasksService(runtime as unknown as EngineRuntime, repository as unknown as UserTasksRepository);
}

async function problemOf(action: Promise<unknown>): Promise<{ status: number; body: unknown }> {
  const error = (await action.then(
    () => undefined,
    (thrown: unknown) => thrown,
  )) as HttpException | undefined;
  if (!error) throw new Error('The call did not fail.');
  return { status: error.getStatus(), body: error.getResponse() };
}

describe('completing a user task: the engine refuses by the four-eyes rule', () => {
  const viewer = { subject: 'anna', groups: [], seesAll: false };

  it('given the pre-check found nothing, when the engine refuses by the four-eyes rule, then the answer is the same 403 four-eyes problem', async () => {
    const reason = fourEyesReason({ elementId: 'approve', earlierElementId: 'review', earlierUserTaskKey: '20', completedBy: 'anna' });
    const service = givenService({ rejected: true, reason });

    const { status, body } = await problemOf(service.complete(TENANT, anna, viewer, task.key, {}));

    expect(status).toBe(403);
    expect(body).toEqual({
      type: 'urn:laufweg:problem:four-eyes',
      title: 'Four-eyes rule',
      status: 403,
      detail: "'approve' must be completed by someone other than who completed 'review' (user task 20) in this process instance; you completed it.",
      elementId: 'approve',
      errors: [{ rule: 'four-eyes', elementId: 'review', message: "User task 20 ('review') was completed by you." }],
    });
  });

  it('given another refusal, when the task is completed, then it stays 409 command-rejected', async () => {
    const service = givenService({ rejected: true, reason: 'No open user task 30.' });

    const { status, body } = await problemOf(service.complete(TENANT, anna, viewer, task.key, {}));

    expect(status).toBe(409);
    expect(body).toEqual(expect.objectContaining({ type: 'urn:laufweg:problem:command-rejected' }));
  });
});
