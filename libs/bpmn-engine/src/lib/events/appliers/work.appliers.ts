import { must, type ApplierTable } from './applier';

type WorkEvents =
  | 'VariableSet'
  | 'JobCreated'
  | 'JobCompleted'
  | 'JobFailed'
  | 'JobErrorThrown'
  | 'JobRetriesUpdated'
  | 'JobCanceled'
  | 'UserTaskCreated'
  | 'UserTaskCompleted'
  | 'UserTaskAssigned'
  | 'UserTaskCanceled'
  | 'IncidentCreated'
  | 'IncidentResolved';

export const workAppliers: ApplierTable<WorkEvents> = {
  VariableSet: (state, event) => {
    (state.variables[event.scopeKey] ??= {})[event.name] = event.value;
  },
  JobCreated: (state, event) => {
    state.jobs[event.job.key] = { ...event.job };
  },
  JobCompleted: (state, event) => {
    delete state.jobs[event.key];
  },
  JobFailed: (state, event) => {
    const job = must(state.jobs[event.key], 'job');
    job.retries = event.retries;
    job.errorMessage = event.errorMessage;
    job.state = 'failed';
    if (event.retryAt !== undefined) job.retryAt = event.retryAt;
    else delete job.retryAt;
  },
  JobErrorThrown: (state, event) => {
    const job = must(state.jobs[event.key], 'job');
    job.state = 'errorThrown';
    job.errorMessage = event.errorMessage;
  },
  JobRetriesUpdated: (state, event) => {
    const job = must(state.jobs[event.key], 'job');
    job.retries = event.retries;
    job.state = 'activatable';
    delete job.retryAt;
  },
  JobCanceled: (state, event) => {
    delete state.jobs[event.key];
  },
  UserTaskCreated: (state, event) => {
    state.userTasks[event.userTask.key] = { ...event.userTask };
  },
  UserTaskCompleted: (state, event) => {
    const task = must(state.userTasks[event.key], 'user task');
    delete state.userTasks[event.key];
    if (!event.completedBy) return;
    // The four-eyes rule asks who completed which element in this process instance.
    const processInstance = must(state.elementInstances[task.processInstanceKey], `process instance ${task.processInstanceKey}`);
    const completers = ((processInstance.userTaskCompleters ??= {})[task.elementId] ??= {});
    completers[event.completedBy] ??= task.key;
  },
  UserTaskAssigned: (state, event) => {
    const task = must(state.userTasks[event.key], 'user task');
    if (event.assignee === null) delete task.assignee;
    else task.assignee = event.assignee;
  },
  UserTaskCanceled: (state, event) => {
    delete state.userTasks[event.key];
  },
  IncidentCreated: (state, event) => {
    state.incidents[event.incident.key] = { ...event.incident };
  },
  IncidentResolved: (state, event) => {
    delete state.incidents[event.key];
  },
};
