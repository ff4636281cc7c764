import type { ModelProblem } from '../core/api-types';

type Reporter = { report(id: string, message: string): void };
type LintNode = { id?: string; $type: string };
type RuleFactory = () => { check(node: LintNode, reporter: Reporter): void };

/**
 * The engine's own validation as bpmnlint rules: problems found by `@laufweg/bpmn-model` in the
 * browser and those a refused deployment returned, shown on their elements like any lint issue.
 * Problems without an element are shown on the process.
 */
export class EngineProblems {
  private byElement = new Map<string, ModelProblem[]>();
  private rootId: string | undefined;
  private sources: Record<'local' | 'deploy', readonly ModelProblem[]> = { local: [], deploy: [] };

  set(source: 'local' | 'deploy', problems: readonly ModelProblem[]): void {
    this.sources[source] = problems;
    this.byElement = new Map();
    for (const problem of [...this.sources.local, ...this.sources.deploy]) {
      const id = problem.elementId ?? '__root__';
      const list = this.byElement.get(id) ?? [];
      if (!list.some((entry) => entry.message === problem.message)) list.push(problem);
      this.byElement.set(id, list);
    }
  }

  all(): ModelProblem[] {
    return [...this.byElement.values()].flat();
  }

  private rule(severity: 'error' | 'warning'): RuleFactory {
    return () => ({
      check: (node, reporter) => {
        if (!node.id) return;
        if (node.$type === 'bpmn:Process' && this.rootId === undefined) this.rootId = node.id;
        const own = this.byElement.get(node.id) ?? [];
        const root = node.$type === 'bpmn:Process' && node.id === this.rootId ? (this.byElement.get('__root__') ?? []) : [];
        for (const problem of [...own, ...root]) if ((problem.severity ?? 'error') === severity) reporter.report(node.id, `${problem.message} (${problem.rule})`);
      },
    });
  }

  /** Rules for the resolver cache of bpmn-js-bpmnlint. */
  rules(): Record<string, RuleFactory> {
    return { 'rule:bpmnlint-plugin-laufweg/engine-errors': this.rule('error'), 'rule:bpmnlint-plugin-laufweg/engine-warnings': this.rule('warning') };
  }
}
