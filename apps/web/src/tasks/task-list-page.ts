import type { AppContext } from '../core/app-context';
import type { Page as ApiPage, UserTask } from '../core/api-types';
import { clear, formatDate, formatDateTime, h } from '../core/dom';
import { Feedback } from '../core/feedback';

type Filter = 'mine' | 'groups' | 'all';

const FILTERS: Record<Filter, { label: string; query: Record<string, boolean> }> = {
  mine: { label: 'Meine Aufgaben', query: { mine: true } },
  groups: { label: 'Aufgaben meiner Gruppen', query: { myGroups: true, unassigned: true } },
  all: { label: 'Alle offenen Aufgaben', query: {} },
};

/** The caseworker's task list: mine, my groups' unclaimed ones, claim in place, due dates. */
export async function renderTaskList(root: HTMLElement, context: AppContext): Promise<void> {
  const feedback = new Feedback();
  const results = h('div', { class: 'task-results' });
  let filter: Filter = (sessionStorage.getItem('laufweg.taskFilter') as Filter | null) ?? 'groups';
  const tabs = h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Aufgaben filtern' });
  const sort = h('select', { 'aria-label': 'Sortierung', onchange: () => void load() }, h('option', { value: 'dueAt' }, 'Nach Frist'), h('option', { value: 'createdAt' }, 'Nach Eingang'), h('option', { value: 'priority' }, 'Nach Priorität'));
  const renderTabs = (): void =>
    clear(
      tabs,
      (Object.keys(FILTERS) as Filter[])
        .filter((key) => key !== 'all' || context.session.roles.has('team'))
        .map((key) =>
          h('button', { type: 'button', role: 'tab', 'aria-selected': String(key === filter), 'data-filter': key, onclick: () => { filter = key; sessionStorage.setItem('laufweg.taskFilter', key); renderTabs(); void load(); } }, FILTERS[key].label),
        ),
    );

  const claim = async (task: UserTask): Promise<void> => {
    const done = await feedback.run(`Aufgabe „${task.name ?? task.elementId}“ wird übernommen …`, () => context.api.post(context.tenantPath(`/user-tasks/${task.key}/claim`)).then(() => true));
    if (done) context.navigate(`#/aufgaben/${task.key}`);
  };

  const load = async (): Promise<void> => {
    const page = await feedback.run('Aufgaben werden geladen …', () =>
      context.api.get<ApiPage<UserTask>>(context.tenantPath('/user-tasks'), { ...FILTERS[filter].query, sortBy: sort.value, sortOrder: sort.value === 'priority' ? 'desc' : 'asc', limit: 100 }),
    );
    if (!page) return;
    if (page.items.length === 0) {
      clear(results, h('p', { class: 'empty' }, filter === 'mine' ? 'Sie haben keine Aufgaben übernommen. Unter „Aufgaben meiner Gruppen“ finden Sie offene Aufgaben.' : 'Keine offenen Aufgaben.'));
      return;
    }
    const now = Date.now();
    clear(
      results,
      h('p', { class: 'muted' }, `${page.total} Aufgabe${page.total === 1 ? '' : 'n'}`),
      h(
        'table',
        { class: 'list' },
        h('caption', { class: 'visually-hidden' }, FILTERS[filter].label),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Aufgabe'), h('th', { scope: 'col' }, 'Laufweg'), h('th', { scope: 'col' }, 'Frist'), h('th', { scope: 'col' }, 'Eingang'), h('th', { scope: 'col' }, 'Bearbeitung'), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Aktionen')))),
        h(
          'tbody',
          {},
          page.items.map((task) => {
            const overdue = task.dueAt !== null && Date.parse(task.dueAt) < now;
            return h(
              'tr',
              { 'data-task': task.key },
              h('td', {}, h('a', { href: `#/aufgaben/${task.key}` }, task.name ?? task.elementId)),
              h('td', {}, task.processId),
              h('td', { class: overdue ? 'overdue' : '' }, task.dueAt ? `${formatDate(task.dueAt)}${overdue ? ' (überfällig)' : ''}` : '–'),
              h('td', {}, formatDateTime(task.createdAt)),
              h('td', {}, task.assignee ?? h('span', { class: 'muted' }, `offen für ${task.candidateGroups.join(', ') || task.candidateUsers.join(', ')}`)),
              h('td', {}, task.assignee === null && context.session.roles.has('caseworker') ? h('button', { type: 'button', onclick: () => void claim(task) }, 'Übernehmen') : null),
            );
          }),
        ),
      ),
    );
  };

  renderTabs();
  clear(root, h('h1', {}, 'Aufgaben'), h('div', { class: 'toolbar' }, tabs, h('span', { class: 'spacer' }), sort, h('button', { type: 'button', onclick: () => void load() }, 'Aktualisieren')), feedback.element, results);
  await load();
}
