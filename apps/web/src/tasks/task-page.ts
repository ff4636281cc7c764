import type { AppContext } from '../core/app-context';
import type { UserTaskDetail } from '../core/api-types';
import { ApiProblem } from '../core/api-problem';
import { clear, formatDate, formatDateTime, h } from '../core/dom';
import { Feedback } from '../core/feedback';
import { renderCaseData } from './case-data-view';

/**
 * One task: its facts, the application's data, and its form (form-js) with claim, give back and
 * complete. A refusal (four-eyes, invalid data, someone else claimed it) is explained in German.
 */
export async function renderTaskPage(root: HTMLElement, context: AppContext, params: Record<string, string>): Promise<() => void> {
  const feedback = new Feedback();
  const path = context.tenantPath(`/user-tasks/${params['key']}`);
  let disposeForm: (() => void) | undefined;

  const load = async (): Promise<void> => {
    const task = await feedback.run('Aufgabe wird geladen …', () => context.api.get<UserTaskDetail>(path));
    if (!task) return;
    disposeForm?.();
    const mine = task.assignee === context.session.subject;
    const actions = h('div', { class: 'actions' });
    const formHost = h('div', { class: 'task-form', id: 'task-form' });
    const overdue = task.dueAt !== null && Date.parse(task.dueAt) < Date.now();
    clear(
      root,
      h('p', {}, h('a', { href: '#/aufgaben' }, '← Zur Aufgabenliste')),
      h('h1', {}, task.name ?? task.elementId),
      h(
        'dl',
        { class: 'facts' },
        h('dt', {}, 'Laufweg'), h('dd', {}, task.processId),
        h('dt', {}, 'Vorgang'), h('dd', {}, task.processInstanceKey),
        h('dt', {}, 'Frist'), h('dd', { class: overdue ? 'overdue' : '' }, task.dueAt ? `${formatDate(task.dueAt)}${overdue ? ' (überfällig)' : ''}` : 'keine'),
        h('dt', {}, 'Eingang'), h('dd', {}, formatDateTime(task.createdAt)),
        h('dt', {}, 'Bearbeitung'), h('dd', { 'data-assignee': task.assignee ?? '' }, task.assignee ? (mine ? 'Sie' : task.assignee) : `offen für ${task.candidateGroups.join(', ')}`),
      ),
      feedback.element,
      h('div', { class: 'task-columns' }, renderCaseData(task.caseData, context, feedback, formKeys(task.form)), h('section', { class: 'task-work', 'aria-labelledby': 'form-title' }, h('h2', { id: 'form-title' }, 'Bearbeitung'), formHost, actions)),
    );

    const claim = (): Promise<unknown> => feedback.run('Aufgabe wird übernommen …', () => context.api.post(path + '/claim').then(load));
    const unclaim = (): Promise<unknown> => feedback.run('Aufgabe wird zurückgegeben …', () => context.api.post(path + '/unclaim').then(load));
    if (!task.assignee && context.session.roles.has('caseworker')) actions.append(h('button', { type: 'button', class: 'primary', onclick: () => void claim() }, 'Übernehmen'));
    if (task.assignee && (mine || context.session.roles.has('team'))) actions.append(h('button', { type: 'button', onclick: () => void unclaim() }, 'Zurückgeben'));

    const { mountTaskForm } = await import('./task-form');
    const form = await mountTaskForm(formHost, task.form, task.caseData, !mine);
    disposeForm = form.dispose;
    if (!mine) {
      formHost.prepend(h('p', { class: 'muted' }, task.assignee ? 'Nur die zuständige Person kann das Formular ausfüllen.' : 'Übernehmen Sie die Aufgabe, um das Formular auszufüllen.'));
      return;
    }
    const complete = async (): Promise<void> => {
      const submitted = form.submit();
      if (!submitted.valid) {
        feedback.error(new ApiProblem(422, { type: 'urn:laufweg:problem:invalid-form-data', errors: submitted.errors.map((message) => ({ message })) }));
        return;
      }
      const done = await feedback.run('Aufgabe wird abgeschlossen …', () => context.api.post(path + '/complete', { variables: submitted.data }).then(() => true));
      if (done) {
        clear(root, h('h1', {}, task.name ?? task.elementId), h('p', { class: 'feedback success', role: 'status' }, 'Die Aufgabe ist abgeschlossen. Der Vorgang läuft weiter.'), h('p', {}, h('a', { href: '#/aufgaben' }, 'Zur Aufgabenliste')));
      }
    };
    actions.prepend(h('button', { type: 'button', class: 'primary', onclick: () => void complete() }, 'Abschließen'));
  };
  await load();
  return () => disposeForm?.();
}

/** Top-level variable names of a form-js schema's fields (groups with a path count by their path). */
function formKeys(schema: Record<string, unknown> | null): Set<string> {
  const keys = new Set<string>();
  const visit = (components: unknown): void => {
    for (const component of Array.isArray(components) ? (components as Record<string, unknown>[]) : []) {
      const key = (component['path'] ?? component['key']) as string | undefined;
      if (typeof key === 'string' && key) keys.add(key.split('.')[0]);
      else visit(component['components']);
    }
  };
  visit(schema?.['components']);
  return keys;
}
