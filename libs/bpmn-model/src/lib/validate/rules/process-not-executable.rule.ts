import { problemOf, type ValidationRule } from '../validation-rule';

/** A document whose processes are all non-executable deploys nothing that could run. */
export const processNotExecutableRule: ValidationRule = {
  id: 'process-not-executable',
  category: 'execution',
  check: (context) => {
    if (context.processes.length === 0 || context.processes.some((process) => context.isExecutable(process))) return [];
    return [problemOf('process-not-executable', 'warning', context.processes[0], 'No process of this document is marked executable, so none of it can run; set "Executable" on the process to deploy.')];
  },
};
