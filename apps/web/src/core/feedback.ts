import { explainProblem } from './api-problem';
import { ApiProblem } from './api-problem';
import { clear, h } from './dom';

/**
 * A live region for progress and outcome messages (screen readers announce it). `run` shows
 * progress while the work runs, then the outcome or the error explained in German.
 */
export class Feedback {
  readonly element = h('div', { class: 'feedback', role: 'status', 'aria-live': 'polite' });

  progress(text: string): void {
    this.element.className = 'feedback progress';
    clear(this.element, h('span', { class: 'spinner', 'aria-hidden': 'true' }), text);
  }

  success(text: string): void {
    this.element.className = 'feedback success';
    clear(this.element, text);
  }

  error(error: unknown): void {
    this.element.className = 'feedback error';
    this.element.setAttribute('role', 'alert');
    const detail = error instanceof ApiProblem && error.problem.detail ? h('details', {}, h('summary', {}, 'Details'), h('code', {}, error.problem.detail)) : null;
    clear(this.element, h('p', {}, explainProblem(error)), detail);
  }

  clear(): void {
    this.element.className = 'feedback';
    this.element.setAttribute('role', 'status');
    clear(this.element);
  }

  /** Runs `work` with a progress message; returns its result, or undefined after showing the error. */
  async run<T>(text: string, work: () => Promise<T>, done?: string): Promise<T | undefined> {
    this.progress(text);
    try {
      const result = await work();
      if (done) this.success(done);
      else this.clear();
      return result;
    } catch (error) {
      this.error(error);
      return undefined;
    }
  }
}
