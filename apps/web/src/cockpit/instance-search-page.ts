import type { AppContext } from '../core/app-context';
import type { Page as ApiPage, ProcessInstance } from '../core/api-types';
import { clear, formatDateTime, h } from '../core/dom';
import { Feedback } from '../core/feedback';

const STATUS: Record<string, string> = { active: 'läuft', completed: 'abgeschlossen', terminated: 'abgebrochen' };

export function statusLabel(status: string): string {
  return STATUS[status] ?? status;
}

/** Instance search for the team: business key, route, status, variables, incidents. */
export async function renderInstanceSearch(root: HTMLElement, context: AppContext): Promise<void> {
  const feedback = new Feedback();
  const results = h('div', {});
  const field = (label: string, input: HTMLElement): HTMLElement => h('label', { class: 'field' }, h('span', {}, label), input);
  const businessKey = h('input', { type: 'search', name: 'businessKey', placeholder: 'z. B. GU-2026-0042' });
  const processId = h('input', { type: 'search', name: 'processId', placeholder: 'z. B. geburtsurkunde' });
  const variable = h('input', { type: 'search', name: 'variable', placeholder: 'name:eq:"Wert"' , title: 'Variable: name:Operator:Wert, Operatoren eq, neq, gt, gte, lt, lte, like' });
  const status = h('select', { name: 'status' }, h('option', { value: '' }, 'alle'), h('option', { value: 'active' }, 'läuft'), h('option', { value: 'completed' }, 'abgeschlossen'), h('option', { value: 'terminated' }, 'abgebrochen'));
  const incidents = h('select', { name: 'incidents' }, h('option', { value: '' }, 'egal'), h('option', { value: 'true' }, 'mit Störung'), h('option', { value: 'false' }, 'ohne Störung'));
  let offset = 0;
  const limit = 25;

  const search = async (): Promise<void> => {
    const page = await feedback.run('Vorgänge werden gesucht …', () =>
      context.api.get<ApiPage<ProcessInstance>>(context.tenantPath('/process-instances'), {
        businessKey: businessKey.value.trim(),
        processId: processId.value.trim(),
        status: status.value,
        withIncidents: incidents.value,
        variables: variable.value.trim() ? [variable.value.trim()] : undefined,
        limit,
        offset,
      }),
    );
    if (!page) return;
    const pager = h(
      'div',
      { class: 'pager' },
      h('button', { type: 'button', disabled: offset === 0, onclick: () => { offset = Math.max(0, offset - limit); void search(); } }, '← Zurück'),
      h('span', {}, `${page.total === 0 ? 0 : offset + 1}–${Math.min(offset + limit, page.total)} von ${page.total}`),
      h('button', { type: 'button', disabled: offset + limit >= page.total, onclick: () => { offset += limit; void search(); } }, 'Weiter →'),
    );
    clear(
      results,
      page.items.length === 0
        ? h('p', { class: 'empty' }, 'Keine Vorgänge gefunden. Suchkriterien lockern?')
        : h(
            'table',
            { class: 'list' },
            h('thead', {}, h('tr', {}, ['Vorgang', 'Aktenzeichen', 'Laufweg', 'Status', 'Störungen', 'Gestartet', 'Beendet'].map((title) => h('th', { scope: 'col' }, title)))),
            h(
              'tbody',
              {},
              page.items.map((instance) =>
                h(
                  'tr',
                  { 'data-instance': instance.key },
                  h('td', {}, h('a', { href: `#/cockpit/${instance.key}` }, instance.key)),
                  h('td', {}, instance.businessKey ?? '–'),
                  h('td', {}, `${instance.processId} v${instance.version}`),
                  h('td', {}, h('span', { class: `status ${instance.status}` }, statusLabel(instance.status))),
                  h('td', { class: instance.incidents > 0 ? 'overdue' : '' }, String(instance.incidents)),
                  h('td', {}, formatDateTime(instance.startedAt)),
                  h('td', {}, formatDateTime(instance.endedAt)),
                ),
              ),
            ),
          ),
      pager,
    );
  };

  const form = h(
    'form',
    { class: 'search-form', role: 'search', onsubmit: (event: Event) => { event.preventDefault(); offset = 0; void search(); } },
    field('Aktenzeichen', businessKey),
    field('Laufweg', processId),
    field('Status', status),
    field('Störungen', incidents),
    field('Variable', variable),
    h('button', { type: 'submit', class: 'primary' }, 'Suchen'),
  );
  clear(root, h('h1', {}, 'Cockpit: Vorgänge'), form, feedback.element, results);
  await search();
}
